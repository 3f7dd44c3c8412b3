import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** Seconds since the epoch → the date and time in the UI's language. */
export function useFormatTime(): (seconds: number) => string {
  const { i18n } = useTranslation();
  return useCallback(
    (seconds: number) =>
      new Date(seconds * 1000).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' }),
    [i18n.language],
  );
}
