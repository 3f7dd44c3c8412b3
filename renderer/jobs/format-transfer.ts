import { formatBytes } from '../../shared/xml/units';
import { formatDuration as localeDuration } from '../i18n/locale-format';

/** Seconds as people read a time left: 45 s, 3 min 5 s, 1 h 2 min. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** What a transfer's progress line shows: bytes, rate and time left, where each is known (in `locale`'s words when given). */
export function transferFigures(
  job: { done: number; total?: number; rate?: number },
  locale?: string,
): {
  done: string;
  total?: string;
  rate?: string;
  eta?: string;
} {
  const out: { done: string; total?: string; rate?: string; eta?: string } = {
    done: formatBytes(job.done, locale),
  };
  if (job.total !== undefined) out.total = formatBytes(job.total, locale);
  if (job.rate !== undefined && job.rate > 0) {
    out.rate = formatBytes(Math.round(job.rate), locale);
    if (job.total !== undefined) {
      const left = (job.total - job.done) / job.rate;
      out.eta = locale ? localeDuration(left, locale) : formatDuration(left);
    }
  }
  return out;
}
