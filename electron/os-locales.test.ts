import { describe, expect, it } from 'vitest';
import { systemLanguage } from '../shared/locale/system-language';
import { osLocales } from './os-locales';

// No Electron binary here: `app` is a stand-in with the two methods main.ts hands to osLocales.
const app = (preferred: () => string[], locale: () => string) => ({
  getPreferredSystemLanguages: preferred,
  getLocale: locale,
});

describe('the desktop path of the OS locale (issue 15)', () => {
  it('passes the OS list first, then the app locale, without duplicates', () => {
    expect(
      osLocales(
        app(
          () => ['zh-Hans-CN', 'en-US'],
          () => 'zh-CN',
        ),
      ),
    ).toEqual(['zh-Hans-CN', 'en-US', 'zh-CN']);
    expect(
      osLocales(
        app(
          () => ['en-US', 'EN-us'],
          () => 'en-US',
        ),
      ),
    ).toEqual(['en-US']);
  });

  it('counts an API that throws or answers nothing as silence', () => {
    const none = osLocales(
      app(
        () => {
          throw new Error('not ready');
        },
        () => '',
      ),
    );
    expect(none).toEqual([]);
    expect(
      osLocales(
        app(
          () => [],
          () => 'zh-CN',
        ),
      ),
    ).toEqual(['zh-CN']);
    expect(
      osLocales(
        app(
          () => ['x'.repeat(65), ' '],
          () => 'zh-SG',
        ),
      ),
    ).toEqual(['zh-SG']);
    expect(
      osLocales(
        app(
          () => Array.from({ length: 40 }, (_, i) => `en-${i}`),
          () => 'zh',
        ),
      ),
    ).toHaveLength(16);
  });

  it('makes a Chinese desktop Chinese and an English one English', () => {
    expect(
      systemLanguage(
        osLocales(
          app(
            () => ['zh-Hans-CN'],
            () => 'zh-CN',
          ),
        ),
      ),
    ).toBe('zh-CN');
    expect(
      systemLanguage(
        osLocales(
          app(
            () => ['en-GB', 'zh-Hans-CN'],
            () => 'en-GB',
          ),
        ),
      ),
    ).toBe('en');
  });
});
