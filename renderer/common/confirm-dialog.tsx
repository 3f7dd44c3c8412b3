import { useTranslation } from 'react-i18next';
import { Dialog } from './dialog';
import { useStoreState, useStores } from './stores-context';

/** Shows the pending confirmation from the ui store (destructive actions, removing a host). */
export function ConfirmDialog() {
  const { t } = useTranslation();
  const { ui } = useStores();
  const pending = useStoreState('ui', (state) => state.pendingConfirm);
  if (!pending) return null;
  const answer = (confirmed: boolean) => ui.getState().resolveConfirm(confirmed);
  return (
    <Dialog
      role="alertdialog"
      title={t(pending.titleKey)}
      onCancel={() => answer(false)}
      initialFocus=".dialog-cancel"
      describedBy="confirm-message"
    >
      <p id="confirm-message">{t(pending.messageKey, pending.params)}</p>
      <div className="dialog-buttons">
        <button type="button" className="dialog-cancel" onClick={() => answer(false)}>
          {t('actions.cancel')}
        </button>
        <button type="button" className="danger" onClick={() => answer(true)}>
          {t(pending.confirmKey)}
        </button>
      </div>
    </Dialog>
  );
}
