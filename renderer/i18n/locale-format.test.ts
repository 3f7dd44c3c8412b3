import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatDuration,
  formatNumber,
  formatRelativeTime,
  formatSize,
} from './locale-format';
import { resolveLanguage } from './resolve-language';

describe('formatting for the locale', () => {
  it('writes numbers and sizes with the locale’s separators', () => {
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(1234.5, 'de')).toBe('1.234,5');
    expect(formatSize(1.5 * 1024 ** 3, 'zh-CN')).toBe('1.5 GiB');
    expect(formatSize(1.5 * 1024 ** 3, 'de')).toBe('1,5 GiB');
  });

  it('writes durations in the locale’s words', () => {
    expect(formatDuration(185, 'en')).toBe('3 min 5 sec');
    expect(formatDuration(185, 'zh-CN')).toBe('3分钟5秒');
    expect(formatDuration(3720, 'zh-CN')).toBe('1小时2分钟');
    expect(formatDuration(45, 'en')).toBe('45 sec');
  });

  it('writes relative times in the locale’s words', () => {
    const now = Date.UTC(2026, 10, 30, 12, 0, 0);
    expect(formatRelativeTime(now - 5 * 60_000, now, 'en')).toBe('5 minutes ago');
    expect(formatRelativeTime(now - 5 * 60_000, now, 'zh-CN')).toBe('5分钟前');
    expect(formatRelativeTime(now - 86_400_000, now, 'zh-CN')).toBe('昨天');
  });

  it('writes dates in the locale’s style', () => {
    const at = Date.UTC(2026, 10, 30, 12, 0, 0);
    expect(formatDateTime(at, 'zh-CN')).toMatch(/^2026年11月30日 \d{2}:\d{2}:\d{2}$/);
  });
});

describe('the UI language', () => {
  it('follows the system where it is Simplified Chinese or English', () => {
    expect(resolveLanguage('system', ['zh-CN', 'en-US'])).toBe('zh-CN');
    expect(resolveLanguage('system', ['zh_CN'])).toBe('zh-CN');
    expect(resolveLanguage('system', ['zh-Hans-CN'])).toBe('zh-CN');
    expect(resolveLanguage('system', ['zh'])).toBe('zh-CN');
    expect(resolveLanguage('system', ['en-GB', 'zh-CN'])).toBe('en');
    expect(resolveLanguage('system', ['fr-FR', 'zh-CN'])).toBe('zh-CN');
    // Traditional Chinese has no catalogue: Simplified unless English comes later (fourth session).
    expect(resolveLanguage('system', ['zh-TW', 'de'])).toBe('zh-CN');
    expect(resolveLanguage('system', ['zh-TW', 'en-US'])).toBe('en');
    expect(resolveLanguage('system', [])).toBe('en');
  });

  it('is the preference when one is chosen', () => {
    expect(resolveLanguage('en', ['zh-CN'])).toBe('en');
    expect(resolveLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
  });
});
