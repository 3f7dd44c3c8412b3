import { useTranslation } from 'react-i18next';
import { useStoreState, useStores } from '../common/stores-context';
import { JobRow } from './job-row';
import './jobs.css';

/**
 * Jobs: what runs and how far it is, Cancel, results; shown while there are any. The main window
 * shows every job; a host's windows (the volumes pane) show that host's.
 */
export function JobsPanel({ hostId }: { hostId?: string } = {}) {
  const { t } = useTranslation();
  const { jobs } = useStores();
  const allIds = useStoreState('jobs', (state) => state.order);
  const byId = useStoreState('jobs', (state) => state.byId);
  const order = hostId === undefined ? allIds : allIds.filter((id) => byId[id]?.hostId === hostId);
  if (order.length === 0) return null;
  const finished = order.some((id) => byId[id]?.state !== 'running');
  return (
    <section className="jobs-panel" aria-label={t('jobs.panel')}>
      <div className="jobs-head">
        <h2>{t('jobs.panel')}</h2>
        <button type="button" disabled={!finished} onClick={() => void jobs.getState().clearFinished()}>
          {t('jobs.clearFinished')}
        </button>
      </div>
      <ul className="jobs-list">
        {[...order].reverse().map((id) => {
          const job = byId[id];
          return job ? <JobRow key={id} job={job} /> : null;
        })}
      </ul>
    </section>
  );
}
