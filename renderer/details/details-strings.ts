import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { enDetails } from '../i18n/en-details';

export type DetailsKey = keyof typeof enDetails;
export type DetailsT = (key: DetailsKey, values?: Record<string, unknown>) => string;

/** `t` for the Details page's strings, typed by their keys. */
export function useDetailsT(): DetailsT {
  const { t } = useTranslation();
  return useCallback((key, values) => t(`details.${key}`, values ?? {}), [t]);
}
