import type { i18n } from 'i18next';
import type { ThemePref } from '../../shared/api/prefs';
import { resolveLanguage, systemLocales } from '../i18n/resolve-language';
import type { Stores } from '../stores/create-stores';

const darkQuery = '(prefers-color-scheme: dark)';

/** `light` or `dark`: the preference, or what the system asks for. */
export function resolveTheme(pref: ThemePref, systemDark: boolean): 'light' | 'dark' {
  return pref === 'system' ? (systemDark ? 'dark' : 'light') : pref;
}

/**
 * Keeps the window's language and theme as the preferences say, without a restart: a change in
 * Preferences (in any window), in the OS locale the backend reports, or in the system's colour
 * scheme applies at once. Returns the unsubscribe.
 */
export function followPreferences(stores: Pick<Stores, 'prefs' | 'session'>, i18next: i18n): () => void {
  const root = document.documentElement;
  const media = window.matchMedia(darkQuery);
  const apply = () => {
    const { prefs } = stores.prefs.getState();
    const locales = systemLocales(stores.session.getState().info, navigator.languages);
    const language = resolveLanguage(prefs.language, locales);
    if (i18next.language !== language) void i18next.changeLanguage(language);
    root.lang = language;
    document.title = i18next.t('app.title');
    const theme = resolveTheme(prefs.theme, media.matches);
    root.dataset['theme'] = theme;
    root.style.colorScheme = theme;
  };
  apply();
  const stops = [stores.prefs.subscribe(apply), stores.session.subscribe(apply)];
  media.addEventListener('change', apply);
  return () => {
    stops.forEach((stop) => stop());
    media.removeEventListener('change', apply);
  };
}
