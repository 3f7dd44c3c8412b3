import type { TFunction } from 'i18next';
import type { HostStatus } from '../../shared/api/hosts';
import { formatRelativeTime } from '../i18n/locale-format';

/**
 * "Connected", "Connecting…", "Disconnected — retrying in 5 seconds" (the countdown in `locale`'s
 * words: "5秒钟后", issue 15), "Failed: <reason>", …
 */
export function hostStateText(t: TFunction, status: HostStatus, locale: string): string {
  switch (status.state) {
    case 'connected':
    case 'connecting':
    case 'disconnected':
      return t(`hosts.state.${status.state}`);
    case 'retrying':
      return status.retryInMs === undefined
        ? t('hosts.state.retryingSoon')
        : t('hosts.state.retrying', { when: retryWhen(status.retryInMs, locale) });
    case 'failed':
      return status.error
        ? t('hosts.state.failed', { reason: status.error.message })
        : t('hosts.state.failedNoReason');
  }
}

/** When the next attempt comes, never "now" while one is still ahead (a whole second at least). */
function retryWhen(retryInMs: number, locale: string): string {
  const seconds = Math.max(1, Math.ceil(retryInMs / 1000));
  return formatRelativeTime(seconds * 1000, 0, locale);
}
