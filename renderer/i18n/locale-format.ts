import { formatBytes } from '../../shared/xml/units';

// Numbers, sizes, durations and dates for the UI's locale (Intl), so that a zh-CN window writes
// "3分钟5秒" and "5分钟前" where an English one writes "3 min, 5 sec" and "5 minutes ago".

export function formatNumber(value: number, locale: string, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value);
}

/** A binary size with the locale's digits: "1.5 GiB". */
export function formatSize(bytes: number, locale: string): string {
  return formatBytes(bytes, locale);
}

/** A time left or taken, in the locale's words: 45 s, 3 min 5 s, 1 h 2 min. */
export function formatDuration(seconds: number, locale: string): string {
  const s = Math.max(0, Math.round(seconds));
  const parts: [number, 'hour' | 'minute' | 'second'][] =
    s < 60
      ? [[s, 'second']]
      : s < 3600
        ? [
            [Math.floor(s / 60), 'minute'],
            [s % 60, 'second'],
          ]
        : [
            [Math.floor(s / 3600), 'hour'],
            [Math.floor((s % 3600) / 60), 'minute'],
          ];
  const unit = (value: number, name: string) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  const words = parts.filter(([value], i) => i === 0 || value > 0).map(([value, name]) => unit(value, name));
  return new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' }).format(words);
}

/** How long ago (or until) `atMs`, in the locale's words: "5 minutes ago", "5分钟前". */
export function formatRelativeTime(atMs: number, nowMs: number, locale: string): string {
  const seconds = Math.round((atMs - nowMs) / 1000);
  const abs = Math.abs(seconds);
  const [value, unit]: [number, Intl.RelativeTimeFormatUnit] =
    abs < 60
      ? [seconds, 'second']
      : abs < 3600
        ? [Math.round(seconds / 60), 'minute']
        : abs < 86_400
          ? [Math.round(seconds / 3600), 'hour']
          : abs < 30 * 86_400
            ? [Math.round(seconds / 86_400), 'day']
            : abs < 365 * 86_400
              ? [Math.round(seconds / (30 * 86_400)), 'month']
              : [Math.round(seconds / (365 * 86_400)), 'year'];
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(value, unit);
}

/** A date and time in the locale's style. */
export function formatDateTime(atMs: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(atMs);
}
