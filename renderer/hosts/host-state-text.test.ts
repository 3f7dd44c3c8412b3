import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/create-i18n';
import { hostStateText } from './host-state-text';

const t = createI18n('en').t as TFunction;

describe('hostStateText', () => {
  it('says what virt-manager users expect', () => {
    expect(hostStateText(t, { hostId: 'h', state: 'connected' }, 'en')).toBe('Connected');
    expect(hostStateText(t, { hostId: 'h', state: 'connecting' }, 'en')).toBe('Connecting…');
    expect(hostStateText(t, { hostId: 'h', state: 'disconnected' }, 'en')).toBe('Disconnected');
    expect(hostStateText(t, { hostId: 'h', state: 'retrying', retryInMs: 4200 }, 'en')).toBe(
      'Disconnected — retrying in 5 seconds',
    );
    expect(
      hostStateText(
        t,
        {
          hostId: 'h',
          state: 'failed',
          error: { code: 'auth-failed', message: 'Permission denied' },
        },
        'en',
      ),
    ).toBe('Failed: Permission denied');
  });

  it('counts down in the window’s language (issue 15)', () => {
    const zh = createI18n('zh-CN').t as TFunction;
    expect(hostStateText(zh, { hostId: 'h', state: 'retrying', retryInMs: 4200 }, 'zh-CN')).toBe(
      '连接已断开——5秒钟后重试',
    );
    expect(hostStateText(t, { hostId: 'h', state: 'retrying', retryInMs: 90_000 }, 'en')).toBe(
      'Disconnected — retrying in 2 minutes',
    );
    expect(hostStateText(t, { hostId: 'h', state: 'retrying', retryInMs: 0 }, 'en')).toBe(
      'Disconnected — retrying in 1 second',
    );
  });
});
