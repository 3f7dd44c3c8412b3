import { formatBytes } from '../../shared/xml/units';

/** Seconds as people read a time left: 45 s, 3 min 5 s, 1 h 2 min. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** What a transfer's progress line shows: bytes, rate and time left, where each is known. */
export function transferFigures(job: { done: number; total?: number; rate?: number }): {
  done: string;
  total?: string;
  rate?: string;
  eta?: string;
} {
  const out: { done: string; total?: string; rate?: string; eta?: string } = { done: formatBytes(job.done) };
  if (job.total !== undefined) out.total = formatBytes(job.total);
  if (job.rate !== undefined && job.rate > 0) {
    out.rate = formatBytes(Math.round(job.rate));
    if (job.total !== undefined) out.eta = formatDuration((job.total - job.done) / job.rate);
  }
  return out;
}
