import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DomainState } from '../../shared/api/domains';
import { memoryAmount } from './format-memory';
import { stateLabelKey } from './state-icon';

/**
 * The list's texts, translated once per language for every row: a row that called `useTranslation`
 * and `t` itself cost ~1 ms to mount (react-i18next copies the i18n instance per mounting component,
 * i18next parses each key), which made the first screen of a large host wait ~0.3 s. Strings that
 * depend on a value are cached by that value.
 */
export interface RowLabels {
  state(state: DomainState): string;
  noValue: string;
  pendingMarker: string;
  memory(kib: number | undefined): string;
  cpuUsage(percent: number | undefined): string;
  memoryUsage(kib: number | undefined): string;
  busy(action: string): string;
}

export function createRowLabels(t: TFunction): RowLabels {
  const cache = new Map<string, string>();
  const cached = (key: string, make: () => string): string => {
    let text = cache.get(key);
    if (text === undefined) {
      if (cache.size >= 4096) cache.clear(); // memory samples vary: keep the cache bounded
      cache.set(key, (text = make()));
    }
    return text;
  };
  const noValue = t('list.noValue');
  const memory = (kib: number | undefined): string =>
    kib === undefined
      ? noValue
      : cached(`m${kib}`, () => {
          const { value, unit } = memoryAmount(kib);
          return t(`units.${unit}`, { value });
        });
  return {
    state: (state) => cached(`s${state}`, () => t(stateLabelKey(state))),
    noValue,
    pendingMarker: t('details.pendingMarker'),
    memory,
    cpuUsage: (percent) =>
      percent === undefined
        ? cached('cpu?', () => t('list.cpuUsageUnknown'))
        : cached(`c${Math.round(percent)}`, () => t('list.cpuUsage', { percent: Math.round(percent) })),
    memoryUsage: (kib) =>
      kib === undefined
        ? cached('mem?', () => t('list.memoryUsageUnknown'))
        : cached(`u${kib}`, () => t('list.memoryUsage', { amount: memory(kib) })),
    busy: (action) => cached(`b${action}`, () => t('list.busy', { action: t(`actions.${action}`) })),
  };
}

/** The labels for the current language (one object per language, shared by every row). */
export function useRowLabels(): RowLabels {
  const { t } = useTranslation();
  return useMemo(() => createRowLabels(t), [t]);
}
