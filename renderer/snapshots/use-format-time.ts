import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatRelativeTime } from '../i18n/locale-format';

/** Seconds since the epoch → the date and time in the UI's language. */
export function useFormatTime(): (seconds: number) => string {
  const { i18n } = useTranslation();
  return useCallback((seconds: number) => formatDateTime(seconds * 1000, i18n.language), [i18n.language]);
}

/** Seconds since the epoch → how long ago, in the UI's language ("5 minutes ago", "5分钟前"). */
export function useFormatAgo(now: () => number = Date.now): (seconds: number) => string {
  const { i18n } = useTranslation();
  return useCallback(
    (seconds: number) => formatRelativeTime(seconds * 1000, now(), i18n.language),
    [i18n.language, now],
  );
}
