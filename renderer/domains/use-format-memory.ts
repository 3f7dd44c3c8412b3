import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { memoryAmount } from './format-memory';

/** Formats KiB for display ("1.5 GiB"), or the "no value" dash. */
export function useFormatMemory(): (kib: number | undefined) => string {
  const { t } = useTranslation();
  return useCallback(
    (kib) => {
      if (kib === undefined) return t('list.noValue');
      const { value, unit } = memoryAmount(kib);
      return t(`units.${unit}`, { value });
    },
    [t],
  );
}
