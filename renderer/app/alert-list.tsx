import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { noticeText } from '../common/notice-text';
import { useStoreState, useStores } from '../common/stores-context';

const shown = 5;

/** Errors (with libvirt's own message) stay as alerts until dismissed. */
export function AlertList() {
  const { t } = useTranslation();
  const { activity } = useStores();
  const notices = useStoreState('activity', (state) => state.notices);
  const errors = useMemo(
    () => notices.filter((notice) => notice.tone === 'error' && !notice.dismissed).slice(-shown),
    [notices],
  );
  if (errors.length === 0) return null;
  return (
    <div className="alerts">
      {errors.map((notice) => (
        <div key={notice.id} role="alert" className="alert">
          <span className="alert-text">{noticeText(t, notice)}</span>
          <button type="button" className="link" onClick={() => activity.getState().dismiss(notice.id)}>
            {t('actions.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
