import type { App } from 'electron';

/** The most locales passed on (app/info's limit). */
const MAX = 16;

/**
 * The operating system's locales, best first, for the UI's language (issue 15): the preferred
 * system languages (macOS/Windows: the user's ordered list; Linux: from LANGUAGE/LC_ALL/LANG), then
 * Chromium's app locale. Duplicates, empty and over-long entries dropped; an API that throws (an
 * older Electron, or before `ready`) counts as saying nothing.
 */
export function osLocales(app: Pick<App, 'getPreferredSystemLanguages' | 'getLocale'>): string[] {
  const ask = (read: () => string[]): string[] => {
    try {
      return read();
    } catch {
      return [];
    }
  };
  const all = [...ask(() => app.getPreferredSystemLanguages()), ...ask(() => [app.getLocale()])];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const locale of all) {
    const key = typeof locale === 'string' ? locale.trim() : '';
    if (!key || key.length > 64 || seen.has(key.toLowerCase())) continue;
    seen.add(key.toLowerCase());
    out.push(key);
  }
  return out.slice(0, MAX);
}
