import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/create-i18n';
import { hostStateText } from './host-state-text';

const t = createI18n('en').t as TFunction;

describe('hostStateText', () => {
  it('says what virt-manager users expect', () => {
    expect(hostStateText(t, { hostId: 'h', state: 'connected' })).toBe('Connected');
    expect(hostStateText(t, { hostId: 'h', state: 'connecting' })).toBe('Connecting…');
    expect(hostStateText(t, { hostId: 'h', state: 'disconnected' })).toBe('Disconnected');
    expect(hostStateText(t, { hostId: 'h', state: 'retrying', retryInMs: 4200 })).toBe(
      'Disconnected — retrying in 5s',
    );
    expect(
      hostStateText(t, {
        hostId: 'h',
        state: 'failed',
        error: { code: 'auth-failed', message: 'Permission denied' },
      }),
    ).toBe('Failed: Permission denied');
  });
});
