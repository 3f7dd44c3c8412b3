import type { LanguagePref } from '../../shared/api/prefs';
import { systemLanguage, type UiLanguage } from '../../shared/locale/system-language';

export type { UiLanguage };

/**
 * The system's locales, best first: the OS's as the desktop backend reports them, else (serve mode,
 * or a backend that does not know) the browser's.
 */
export function systemLocales(
  info: { locales?: readonly string[] | undefined } | null | undefined,
  browser: readonly string[],
): readonly string[] {
  return info?.locales?.length ? info.locales : browser;
}

/** The UI's language: the preference, or what the system's locales ask for (else English). */
export function resolveLanguage(pref: LanguagePref, locales: readonly string[]): UiLanguage {
  return pref === 'system' ? systemLanguage(locales) : pref;
}
