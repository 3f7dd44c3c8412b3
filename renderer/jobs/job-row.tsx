import { useTranslation } from 'react-i18next';
import type { JobView } from '../../shared/api/jobs';
import { useStores } from '../common/stores-context';
import { toApiError } from '../api/api-error-from';
import { transferFigures } from './format-transfer';

/** One job: title, state, a progress bar with bytes / rate / time left, Cancel, and the outcome. */
export function JobRow({ job }: { job: JobView }) {
  const { t, i18n } = useTranslation();
  const { jobs, activity } = useStores();
  const figures = transferFigures(job, i18n.language); // issue 15: sizes and time left for the locale
  const percent = job.total ? Math.min(100, Math.round((job.done / job.total) * 100)) : undefined;
  const cancel = () =>
    jobs
      .getState()
      .cancel(job.jobId)
      .catch((error: unknown) =>
        activity
          .getState()
          .post('error', 'volumes.failed', { what: job.title, message: toApiError(error).message }),
      );
  const line = [
    figures.total
      ? t('jobs.bytes', { done: figures.done, total: figures.total })
      : job.done > 0
        ? t('jobs.bytesOnly', { done: figures.done })
        : '',
    figures.rate && job.state === 'running' ? t('jobs.rate', { rate: figures.rate }) : '',
    figures.eta && job.state === 'running' ? t('jobs.eta', { eta: figures.eta }) : '',
  ].filter(Boolean);
  return (
    <li className={`job job-${job.state}`} aria-label={job.title}>
      <div className="job-head">
        <span className="job-title">{job.title}</span>
        <span className="job-state">{t(`jobs.state.${job.state}`)}</span>
        {job.state === 'running' && job.cancellable && (
          <button type="button" onClick={cancel} aria-label={t('jobs.cancel', { title: job.title })}>
            {t('actions.cancel')}
          </button>
        )}
      </div>
      {job.state === 'running' && (
        <>
          <div
            role="progressbar"
            aria-label={t('jobs.progress', { title: job.title })}
            aria-valuemin={0}
            aria-valuemax={100}
            {...(percent !== undefined ? { 'aria-valuenow': percent } : {})}
            aria-valuetext={[job.phase, ...line].join(', ')}
            className="job-bar"
          >
            <div className="job-bar-fill" style={{ width: `${percent ?? 0}%` }} />
          </div>
          <div className="job-figures">{[job.phase, ...line].join(' · ')}</div>
        </>
      )}
      {job.state !== 'running' && job.message && (
        <div className="job-message" role={job.state === 'failed' ? 'alert' : undefined}>
          {job.message}
        </div>
      )}
    </li>
  );
}
