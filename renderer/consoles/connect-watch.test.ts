import { describe, expect, it } from 'vitest';
import { watchConnect } from './connect-watch';
import type { DisplayStatus } from './display-client';

/** A WebSocket as far as the watch sees it: open, message and close events. */
function socket() {
  const target = new EventTarget();
  const statuses: DisplayStatus[] = [];
  const watch = watchConnect(target, (s) => statuses.push(s));
  const fire = (type: string, fields: object = {}) =>
    target.dispatchEvent(Object.assign(new Event(type), fields));
  return { watch, statuses, fire };
}

describe('watchConnect', () => {
  it('follows the steps: bridge, then display, then handshake once the display answered', () => {
    const { watch, statuses, fire } = socket();
    fire('open');
    expect(watch.answered()).toBe(false);
    fire('message');
    fire('close', { code: 1000, reason: '' });
    expect(watch.answered()).toBe(true);
    expect(statuses).toEqual([
      { state: 'connecting', step: 'bridge' },
      { state: 'connecting', step: 'display' },
      { state: 'connecting', step: 'handshake' },
    ]);
  });

  it('a socket that never opened was refused by the bridge', () => {
    const { statuses, fire } = socket();
    fire('close', { code: 1006, reason: '' });
    expect(statuses.at(-1)).toEqual({
      state: 'failed',
      failure: { step: 'bridge', timedOut: false, detail: '' },
    });
  });

  it('a close after open, before the display answered, carries the reason the bridge gave', () => {
    const { statuses, fire } = socket();
    fire('open');
    fire('close', { code: 1011, reason: 'nothing listens there' });
    expect(statuses.at(-1)).toEqual({
      state: 'failed',
      failure: { step: 'display', timedOut: false, detail: 'nothing listens there' },
    });
  });
});
