import { describe, expect, it } from 'vitest';
import { relateNodeDevices } from '../../../../shared/api/node-device-relations';
import {
  checkPciAssignment,
  groupPartners,
  type HostDeviceFacts,
} from '../../../../shared/domain-edit/hardware/host-device-checks';
import { parseNodeDeviceXml } from '../../node-devices/node-device-xml';
import { fixture, fixtureDevices } from '../../node-devices/testing/node-device-fixtures';
import { readHostDevices } from '../domain-host-devices';

// The IOMMU / SR-IOV workstation of the node-device fixtures (libvirt's nodedev-dumpxml format): a GPU
// (0000:01:00.0, nouveau) and its HDMI audio (0000:01:00.1, used by vd-b-passthrough) in group 1, an
// SR-IOV PF pair in group 14, VFs 0000:02:10.0 (free, group 40) and 0000:02:10.2 (used, group 41).
const devices = fixtureDevices('iommu-sriov').map(parseNodeDeviceXml);
const passthrough = {
  uuid: '5d1e1a5c-6a38-4a8e-9d0e-8b1f6c0e2a11',
  name: 'vd-b-passthrough',
  hostDevices: readHostDevices(fixture('domain-with-hostdevs.xml')),
};
const facts = (running: boolean): HostDeviceFacts => ({
  ...relateNodeDevices(devices, [passthrough]),
  others: [{ ...passthrough, running }],
});
const adding = (...addresses: string[]) =>
  addresses.map((address) => ({ address, managed: true, field: 'new.sourcePci' }));

describe('host devices checked before define', () => {
  it('refuses one function of a group whose other member a running VM holds, naming it', () => {
    const { problems } = checkPciAssignment(adding('0000:01:00.0'), new Set(['0000:01:00.0']), facts(true));
    expect(problems).toEqual([
      {
        field: 'new.sourcePci',
        code: 'iommu-in-use',
        message:
          '0000:01:00.0 shares IOMMU group 1 with 0000:01:00.1 (GP104 High Definition Audio Controller) used by vd-b-passthrough: a group can only go to one running VM',
      },
    ]);
  });

  it('refuses a partial group: the other function is still on its host driver', () => {
    const { problems } = checkPciAssignment(adding('0000:01:00.0'), new Set(['0000:01:00.0']), facts(false));
    expect(problems.map((p) => p.code)).toEqual(['iommu-partial']);
    expect(problems[0]!.message).toBe(
      '0000:01:00.0 is in IOMMU group 1 with 0000:01:00.1 (GP104 High Definition Audio Controller, driver snd_hda_intel): passing one function needs the whole group — add it too, or detach it from the host first',
    );
  });

  it('accepts the whole group, warning that a shut-off VM also has the audio function', () => {
    const both = new Set(groupPartners('0000:01:00.0', facts(false)).concat('0000:01:00.0'));
    expect([...both]).toEqual(['0000:01:00.1', '0000:01:00.0']);
    const check = checkPciAssignment(adding('0000:01:00.0', '0000:01:00.1'), both, facts(false));
    expect(check.problems).toEqual([]);
    expect(check.warnings).toEqual([
      '0000:01:00.1 is also assigned to vd-b-passthrough (shut off): only one of them can run at a time',
    ]);
  });

  // Issue 13: a running VM's definition counts too, told apart from what it holds now.
  it('accepts the whole group when a running VM has the audio function only in its next boot definition', () => {
    const nextBootOnly: HostDeviceFacts = {
      ...relateNodeDevices(devices, []),
      others: [
        { ...passthrough, running: true, hostDevices: [], definedHostDevices: passthrough.hostDevices },
      ],
    };
    const both = new Set(['0000:01:00.0', '0000:01:00.1']);
    const check = checkPciAssignment(adding('0000:01:00.0', '0000:01:00.1'), both, nextBootOnly);
    expect(check.problems).toEqual([]);
    expect(check.warnings).toEqual([
      '0000:01:00.1 is in the definition of the running VM vd-b-passthrough (not attached now; it takes it at its next boot): only one of them can run with it',
    ]);
    const attached = checkPciAssignment(adding('0000:01:00.1'), both, {
      ...nextBootOnly,
      others: [{ ...passthrough, running: true, definedHostDevices: passthrough.hostDevices }],
    });
    expect(attached.problems.map((p) => p.code)).toEqual(['hostdev-in-use']);
  });

  it('refuses a VF another running VM already has, and takes a free VF alone in its group', () => {
    const used = checkPciAssignment(adding('0000:02:10.2'), new Set(['0000:02:10.2']), facts(true));
    expect(used.problems.map((p) => [p.code, p.message])).toEqual([
      [
        'hostdev-in-use',
        '0000:02:10.2 is already attached to the running VM vd-b-passthrough: shut that VM down or remove the device from it first',
      ],
    ]);
    const free = checkPciAssignment(adding('0000:02:10.0'), new Set(['0000:02:10.0']), facts(true));
    expect(free).toEqual({ problems: [], warnings: [] });
  });

  it('says an unmanaged device still bound to its host driver must be detached first', () => {
    const check = checkPciAssignment(
      [{ address: '0000:02:00.1', managed: false, field: 'new.sourcePci' }],
      new Set(['0000:02:00.0', '0000:02:00.1']),
      facts(true),
    );
    expect(check.problems).toEqual([]);
    expect(check.warnings[0]).toMatch(
      /^0000:02:00.1 is unmanaged and still bound to \S+: detach it from the host/,
    );
  });
});
