// Which of VirtDesk's languages a person's system asks for (issue 15). One pure function for both
// paths: the desktop's OS list (Electron's app.getPreferredSystemLanguages() + getLocale(), through
// app/info) and serve mode's browser list (navigator.languages).

export type UiLanguage = 'en' | 'zh-CN';

type Reading = UiLanguage | 'zh-traditional' | undefined;

/** Regions whose Chinese is written in Traditional characters when no script subtag says otherwise. */
const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo']);

/** One locale as BCP 47 (`zh-Hans-CN`) or POSIX (`zh_CN.UTF-8@pinyin`) writes it. */
function read(locale: string): Reading {
  const tags = locale
    .trim()
    .replace(/[.@].*$/, '')
    .replace(/_/g, '-')
    .toLowerCase()
    .split('-');
  const [language, ...rest] = tags;
  if (language === 'en') return 'en';
  if (language !== 'zh') return undefined;
  const script = rest.find((tag) => tag.length === 4);
  if (script === 'hans') return 'zh-CN';
  if (script === 'hant') return 'zh-traditional';
  const region = rest.find((tag) => tag.length === 2 || /^\d{3}$/.test(tag));
  return region && TRADITIONAL_REGIONS.has(region) ? 'zh-traditional' : 'zh-CN';
}

/**
 * The first of the system's locales VirtDesk has a catalogue for: English, or Simplified Chinese
 * (zh, zh-CN, zh-SG, zh-MY, zh-Hans-*). Traditional Chinese (zh-TW, zh-HK, zh-MO, zh-Hant-*) has no
 * catalogue of its own: it gets Simplified Chinese only when nothing later in the list is English
 * (a reader of Traditional characters reads Simplified more easily than English, but someone who
 * lists English after zh-TW asked for it). Anything else: English.
 */
export function systemLanguage(locales: readonly string[]): UiLanguage {
  let traditional = false;
  for (const locale of locales) {
    const reading = read(locale);
    if (reading === 'zh-traditional') traditional = true;
    else if (reading) return reading;
  }
  return traditional ? 'zh-CN' : 'en';
}
