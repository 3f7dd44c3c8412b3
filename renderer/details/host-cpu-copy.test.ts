import { describe, expect, it } from 'vitest';
import { copyHostMode, hostCopyChanges } from './host-cpu-copy';

const KVM = ['host-passthrough', 'host-model', 'maximum', 'custom'];
const TCG = ['maximum', 'host-model', 'custom'];

describe('copy host CPU configuration', () => {
  it('is host-passthrough with KVM, host-model under TCG, nothing where neither is offered', () => {
    expect(copyHostMode(KVM)).toBe('host-passthrough');
    expect(copyHostMode(TCG)).toBe('host-model');
    expect(copyHostMode(['custom'])).toBeUndefined();
  });

  it('checking it drops a named model; unchecking goes to the next mode the host offers', () => {
    expect(hostCopyChanges(true, 'custom', KVM)).toEqual([
      {
        target: 'domain',
        view: 'cpu',
        patch: { mode: 'host-passthrough', model: null, match: null, check: null },
      },
    ]);
    expect(hostCopyChanges(true, 'host-passthrough', KVM)).toEqual([]);
    expect(hostCopyChanges(false, 'host-model', TCG)).toEqual([
      { target: 'domain', view: 'cpu', patch: { mode: 'maximum' } },
    ]);
    expect(hostCopyChanges(true, undefined, ['custom'])).toEqual([]);
  });
});
