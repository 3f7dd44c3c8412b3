import type { LanguagePref } from '../../shared/api/prefs';

export type UiLanguage = 'en' | 'zh-CN';

/** Simplified Chinese locales: zh, zh-CN, zh-SG, zh-Hans…; Traditional (zh-TW, zh-HK, zh-Hant) is not offered. */
const simplifiedChinese = /^zh(-(cn|sg|my|hans)(-.*)?)?$/i;

/** The UI's language: the preference, or the first of the system's locales VirtDesk has (else English). */
export function resolveLanguage(pref: LanguagePref, systemLocales: readonly string[]): UiLanguage {
  if (pref !== 'system') return pref;
  for (const locale of systemLocales) {
    if (simplifiedChinese.test(locale.replace(/_/g, '-'))) return 'zh-CN';
    if (/^en\b/i.test(locale)) return 'en';
  }
  return 'en';
}
