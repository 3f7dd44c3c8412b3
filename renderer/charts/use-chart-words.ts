import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitWords } from './chart-format';

/** The chart's unit words from the app's catalogue, and the locale to format numbers and times in. */
export function useChartWords(): { words: UnitWords; locale: string } {
  const { t, i18n } = useTranslation();
  const locale = i18n.language || 'en';
  const words = useMemo<UnitWords>(
    () => ({
      percent: (value) => t('charts.percent', { value }),
      amount: (value, unit) => t('charts.amount', { value, unit }),
      rate: (value, unit) => t('charts.rate', { value, unit }),
    }),
    [t],
  );
  return { words, locale };
}
