import { describe, expect, it } from 'vitest';
import { deviceNamesInTestFile } from './node-device-listing';
import { parseNodedevEventLine } from './parse-nodedev-event';
import { testDriverHostXml } from './testing/node-device-fixtures';

describe('nodedev-event lines', () => {
  it('reads lifecycle and update lines as virsh prints them, and ignores the rest', () => {
    expect(
      parseNodedevEventLine("event 'lifecycle' for node device net_enp134s16_1a_a2_b0_9a_a2_a0: Deleted"),
    ).toEqual({
      type: 'lifecycle',
      device: 'net_enp134s16_1a_a2_b0_9a_a2_a0',
      detail: 'Deleted',
    });
    expect(parseNodedevEventLine("event 'update' for node device pci_0000_02_00_0\r")).toEqual({
      type: 'update',
      device: 'pci_0000_02_00_0',
    });
    expect(parseNodedevEventLine('events received: 1')).toBeUndefined();
  });
});

describe('device names of a test-driver file', () => {
  it('finds every <device> name (the domain inside is not a device)', () => {
    const names = deviceNamesInTestFile(testDriverHostXml());
    expect(names[0]).toBe('computer');
    expect(names).toContain('pci_0000_01_00_1');
    expect(names).toHaveLength(10);
  });
});
