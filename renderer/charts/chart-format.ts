import { scaleBinary } from '../../shared/xml/units';

/** What a chart's numbers are: a share, an amount of memory, or a rate. */
export type ChartUnit = 'percent' | 'bytes' | 'bytesPerSecond';

/** Unit names as the rest of the app writes them (binary units; "/s" for rates). */
export interface UnitWords {
  /** e.g. "{{value}} {{unit}}/s" → a function of the formatted number and the unit name. */
  rate: (value: string, unit: string) => string;
  amount: (value: string, unit: string) => string;
  percent: (value: string) => string;
}

/** A value in `unit`, formatted for `locale`: "12.5 %", "1.5 GiB", "320 KiB/s" ("12,5 %" in de). */
export function formatChartValue(unit: ChartUnit, value: number, locale: string, words: UnitWords): string {
  if (unit === 'percent') return words.percent(number(value, locale, value < 10 ? 1 : 0));
  const scaled = scaleBinary(Math.max(0, value));
  const digits = scaled.value < 10 && scaled.unit !== 'bytes' ? 1 : 0;
  const shown = number(scaled.value, locale, digits);
  const unitName = scaled.unit === 'bytes' ? 'B' : scaled.unit;
  return unit === 'bytes' ? words.amount(shown, unitName) : words.rate(shown, unitName);
}

/** A clock time for the time axis and the summary, in the user's locale (10:41:05, 10:41:05 AM). */
export function formatChartTime(ms: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', second: '2-digit' }).format(
    ms,
  );
}

/** How long a history spans, roughly, in the user's locale ("5 minutes", "1 hour"). */
export function formatSpan(ms: number, locale: string): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const [value, unit]: [number, Intl.NumberFormatOptions['unit']] =
    seconds < 120
      ? [seconds, 'second']
      : seconds < 7200
        ? [Math.round(seconds / 60), 'minute']
        : [Math.round(seconds / 3600), 'hour'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

function number(value: number, locale: string, digits: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(
    value,
  );
}
