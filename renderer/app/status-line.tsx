import { useTranslation } from 'react-i18next';
import { noticeText } from '../common/notice-text';
import { useStoreState } from '../common/stores-context';

/** The latest activity (progress and results, announced politely) and the selection count. */
export function StatusLine() {
  const { t } = useTranslation();
  const latest = useStoreState('activity', (state) => state.notices[state.notices.length - 1]);
  const selected = useStoreState('ui', (state) => state.selection.size);
  return (
    <footer className="status-line">
      <div role="status" aria-live="polite" className={`status-text tone-${latest?.tone ?? 'info'}`}>
        {latest?.tone === 'progress' && <span className="spinner" aria-hidden="true" />}
        {latest ? noticeText(t, latest) : t('app.ready')}
      </div>
      <div className="status-selection">
        {selected > 0 ? t('app.selectedCount', { count: selected }) : ''}
      </div>
    </footer>
  );
}
