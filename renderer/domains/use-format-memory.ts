import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { memoryAmount } from './format-memory';

/** Formats KiB for display ("1.5 GiB"), or the "no value" dash. */
export function useFormatMemory(): (kib: number | undefined) => string {
  const { t, i18n } = useTranslation();
  const locale = i18n.language || 'en'; // issue 15: the window's digits
  return useCallback(
    (kib) => {
      if (kib === undefined) return t('list.noValue');
      const { value, unit } = memoryAmount(kib, locale);
      return t(`units.${unit}`, { value });
    },
    [t, locale],
  );
}
