import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSize } from './locale-format';

/** `formatBytes` in the window's language (issue 15): "1.5 GiB", "1,5 GiB" for a comma locale. */
export function useFormatBytes(): (bytes: number) => string {
  const { i18n } = useTranslation();
  const locale = i18n.language || 'en';
  return useCallback((bytes: number) => formatSize(bytes, locale), [locale]);
}
