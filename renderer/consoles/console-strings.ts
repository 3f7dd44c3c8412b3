import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { enConsoles } from '../i18n/en-consoles';

/** The console views' strings: part of the app's catalogue (renderer/i18n), under `consoles.`. */
export const consoleStrings = { en: enConsoles };

/** `t` for console strings, typed by their keys. */
export function useConsoleT(): (key: keyof typeof enConsoles, values?: Record<string, unknown>) => string {
  const { t } = useTranslation();
  return useCallback((key, values) => t(`consoles.${key}`, values ?? {}), [t]);
}
