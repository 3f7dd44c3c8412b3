import type { TFunction } from 'i18next';
import type { HostStatus } from '../../shared/api/hosts';

/** "Connected", "Connecting…", "Disconnected — retrying in 5s", "Failed: <reason>", … */
export function hostStateText(t: TFunction, status: HostStatus): string {
  switch (status.state) {
    case 'connected':
    case 'connecting':
    case 'disconnected':
      return t(`hosts.state.${status.state}`);
    case 'retrying':
      return status.retryInMs === undefined
        ? t('hosts.state.retryingSoon')
        : t('hosts.state.retrying', { seconds: Math.max(1, Math.ceil(status.retryInMs / 1000)) });
    case 'failed':
      return status.error
        ? t('hosts.state.failed', { reason: status.error.message })
        : t('hosts.state.failedNoReason');
  }
}
