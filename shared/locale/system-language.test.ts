import { describe, expect, it } from 'vitest';
import { systemLanguage } from './system-language';

describe('the language a system asks for (issue 15)', () => {
  it.each([
    [['zh'], 'zh-CN'],
    [['zh-CN'], 'zh-CN'],
    [['zh-Hans'], 'zh-CN'],
    [['zh-Hans-CN', 'en-US'], 'zh-CN'],
    [['zh-SG'], 'zh-CN'],
    [['zh-MY'], 'zh-CN'],
    [['zh_CN.UTF-8'], 'zh-CN'],
    [['zh-Hans-HK'], 'zh-CN'],
    [['en-US', 'zh-CN'], 'en'],
    [['en'], 'en'],
    [['fr-FR', 'zh-CN'], 'zh-CN'],
    [['fr-FR', 'de'], 'en'],
    [[], 'en'],
    [['C'], 'en'],
  ] as const)('%j → %s', (locales, language) => {
    expect(systemLanguage(locales)).toBe(language);
  });

  it.each([
    [['zh-TW'], 'zh-CN'],
    [['zh-HK'], 'zh-CN'],
    [['zh-Hant'], 'zh-CN'],
    [['zh-Hant-CN'], 'zh-CN'],
    [['zh_TW.Big5'], 'zh-CN'],
    [['zh-TW', 'en-US'], 'en'],
    [['zh-HK', 'ja', 'en-GB'], 'en'],
    [['zh-TW', 'fr'], 'zh-CN'],
  ] as const)(
    'Traditional Chinese %j → %s: Simplified unless English comes later in the list',
    (locales, language) => {
      expect(systemLanguage(locales)).toBe(language);
    },
  );
});
