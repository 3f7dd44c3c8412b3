import { describe, expect, it } from 'vitest';
import { describeConnectFailure } from './connect-failure';
import { consoleStrings } from './console-strings';

type Key = keyof (typeof consoleStrings)['en'];
const t = (key: Key, values?: Record<string, unknown>) =>
  consoleStrings.en[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values?.[name]));

describe('describeConnectFailure', () => {
  it('names the step that did not finish in time, and the time', () => {
    expect(describeConnectFailure(t, { step: 'display', timedOut: true, detail: '' })).toBe(
      'the guest’s display did not answer within 20 s.',
    );
    expect(describeConnectFailure(t, { step: 'host', timedOut: true, detail: '' })).toBe(
      'the host did not answer within 20 s.',
    );
  });

  it('passes on why the display could not be reached', () => {
    expect(describeConnectFailure(t, { step: 'display', timedOut: false, detail: 'Refused.' })).toBe(
      'the guest’s display cannot be reached. Refused.',
    );
    expect(describeConnectFailure(t, { step: 'bridge', timedOut: false, detail: '' })).toBe(
      'VirtDesk’s console bridge refused the connection.',
    );
  });
});
