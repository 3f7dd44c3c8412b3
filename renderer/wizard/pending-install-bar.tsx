import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api/api-error-from';
import { useStoreState, useStores } from '../common/stores-context';
import { usePendingInstall } from './use-pending-install';

type Busy = 'begin' | 'cancel' | undefined;

/**
 * Above a VM window's pages while the VM waits for its install ("Customize before install"):
 * Begin installation starts it and switches to the console; Cancel installation (after asking)
 * removes what the wizard created, as Finish's rollback does, and closes the window. Whether the VM
 * waits is read from its host (the record in its definition), so the bar shows after a restart and in
 * a detached window too.
 */
export function PendingInstallBar({ hostId, uuid }: { hostId: string; uuid: string }) {
  const { t } = useTranslation();
  const { wizardCalls, wizard, consoles, activity } = useStores();
  usePendingInstall(hostId, uuid);
  const pending = useStoreState('wizard', (s) => s.pendingInstalls[`${hostId}/${uuid}`]);
  const [busy, setBusy] = useState<Busy>();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | undefined>();
  if (!pending) return null;
  const name = pending.name;

  const settle = async (kind: 'begin' | 'cancel') => {
    setBusy(kind);
    setError(undefined);
    try {
      const { message } =
        kind === 'begin'
          ? await wizardCalls.beginInstall(hostId, uuid)
          : await wizardCalls.cancelInstall(hostId, uuid);
      wizard.getState().installSettled(hostId, uuid);
      activity.getState().post('info', 'wizard.install.done', { message });
      if (kind === 'begin') consoles.getState().setPage(hostId, uuid, 'console');
      else consoles.getState().close(hostId, uuid);
    } catch (e) {
      setError(toApiError(e).message);
      setBusy(undefined);
      setAsking(false);
    }
  };

  return (
    <section className="wizard-install-bar" aria-label={t('wizard.install.barLabel', { name })}>
      {asking ? (
        <>
          <p>{t('wizard.install.confirmCancel', { name })}</p>
          {pending.created && pending.created.length > 0 && (
            <p>
              {t('wizard.install.removes', {
                volumes: pending.created.map((v) => `${v.volume} (${v.pool})`).join(', '),
              })}
            </p>
          )}
          <button
            type="button"
            className="danger"
            disabled={busy !== undefined}
            onClick={() => void settle('cancel')}
          >
            {t('wizard.install.confirmRemove')}
          </button>
          <button type="button" disabled={busy !== undefined} onClick={() => setAsking(false)}>
            {t('wizard.install.keep')}
          </button>
        </>
      ) : (
        <>
          <p>{t('wizard.install.pending', { name })}</p>
          <button
            type="button"
            className="primary"
            disabled={busy !== undefined}
            onClick={() => void settle('begin')}
          >
            {t('wizard.install.begin')}
          </button>
          <button type="button" disabled={busy !== undefined} onClick={() => setAsking(true)}>
            {t('wizard.install.cancel')}
          </button>
        </>
      )}
      {busy && (
        <span role="status">
          {t(busy === 'begin' ? 'wizard.install.beginning' : 'wizard.install.cancelling')}
        </span>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </section>
  );
}
