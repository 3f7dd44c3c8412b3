import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotView } from '../../shared/api/snapshots';
import { toApiError } from '../api/api-error-from';
import { Dialog } from '../common/dialog';
import { FormFooter } from '../storage/volumes/form-footer';

/** Confirm deleting a snapshot, and whether its descendants go with it. */
export function DeleteSnapshotDialog(props: {
  snapshot: SnapshotView;
  descendants: number;
  onDelete: (children: boolean) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [children, setChildren] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await props.onDelete(children);
      props.onClose();
    } catch (e) {
      setError(toApiError(e).message);
      setBusy(false);
    }
  };
  return (
    <Dialog
      role="alertdialog"
      title={t('snapshots.deleteDialog.title', { snapshot: props.snapshot.name })}
      onCancel={props.onClose}
      initialFocus=".dialog-cancel"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p>{t('snapshots.deleteDialog.message')}</p>
        {props.descendants > 0 && (
          <label className="checkbox-field">
            <input type="checkbox" checked={children} onChange={(e) => setChildren(e.target.checked)} />
            {t('snapshots.deleteDialog.children', { count: props.descendants })}
          </label>
        )}
        <FormFooter
          error={error}
          busy={busy}
          submitLabel={t('snapshots.deleteDialog.submit')}
          onCancel={props.onClose}
        />
      </form>
    </Dialog>
  );
}
