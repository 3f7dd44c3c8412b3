import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotView } from '../../shared/api/snapshots';
import { ConfirmActionDialog } from '../common/confirm-dialog';

/** Confirm deleting a snapshot, and whether its descendants go with it. */
export function DeleteSnapshotDialog(props: {
  snapshot: SnapshotView;
  descendants: number;
  onDelete: (children: boolean) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [children, setChildren] = useState(false);
  return (
    <ConfirmActionDialog
      title={t('snapshots.deleteDialog.title', { snapshot: props.snapshot.name })}
      message={t('snapshots.deleteDialog.message')}
      confirmLabel={t('snapshots.deleteDialog.submit')}
      onConfirm={() => props.onDelete(children)}
      onClose={props.onClose}
    >
      {props.descendants > 0 && (
        <label className="checkbox-field">
          <input type="checkbox" checked={children} onChange={(e) => setChildren(e.target.checked)} />
          {t('snapshots.deleteDialog.children', { count: props.descendants })}
        </label>
      )}
    </ConfirmActionDialog>
  );
}
