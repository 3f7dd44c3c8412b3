import { describe, expect, it } from 'vitest';
import { resolveLanguage, systemLocales } from './resolve-language';

describe('the window’s language (issue 15)', () => {
  it('takes the OS locales the desktop backend reports over the browser’s', () => {
    expect(systemLocales({ locales: ['zh-Hans-CN'] }, ['en-US'])).toEqual(['zh-Hans-CN']);
    expect(resolveLanguage('system', systemLocales({ locales: ['zh-Hans-CN'] }, ['en-US']))).toBe('zh-CN');
  });

  it('uses the browser’s languages in serve mode (no locales from the backend)', () => {
    expect(systemLocales({}, ['zh-SG', 'en'])).toEqual(['zh-SG', 'en']);
    expect(systemLocales(null, ['en-US'])).toEqual(['en-US']);
    expect(systemLocales({ locales: [] }, ['zh-CN'])).toEqual(['zh-CN']);
  });

  it('lets the preference win over the system', () => {
    expect(resolveLanguage('en', ['zh-CN'])).toBe('en');
    expect(resolveLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
  });
});
