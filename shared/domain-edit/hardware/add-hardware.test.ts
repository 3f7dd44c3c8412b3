import { describe, expect, it } from 'vitest';
import { parseDomainXml, serializeDomainXml } from '../../xml/objects';
import { lineChanges } from '../../xml/testing/edit-assert';
import { expectValid, fixture } from '../../xml/testing/validate';
import { applyChanges } from '../apply-changes';
import { addHardware, newDeviceProblems, singleInstanceProblem } from './add-hardware';
import { defaultSettings, type HardwareKind } from './hardware-kinds';
import { sampleHardware } from './testing/sample-hardware';

// Every kind and variant the Add Hardware dialog offers, on an i440fx guest and a q35 guest: the
// result validates against libvirt's schema, nothing else in the document changes, and one field
// of the new device can be edited through the one edit path's changes.
const GUESTS = {
  i440fx: fixture('test-driver-domain.xml'),
  q35: fixture('test-driver-domain.xml').replace("<type arch='i686'>", "<type arch='x86_64' machine='q35'>"),
};

describe('adding every kind of hardware', () => {
  for (const [machine, before] of Object.entries(GUESTS)) {
    for (const sample of sampleHardware(parseDomainXml(before))) {
      it(`${sample.label} on ${machine}: valid, only added lines, editable`, () => {
        const doc = parseDomainXml(before);
        if (singleInstanceProblem(doc, sample.hw)) return; // the fixture already has one: refused, tested below
        expect(newDeviceProblems(sample.hw)).toEqual([]);
        const key = addHardware(doc, sample.hw, () => 0.5);
        const after = serializeDomainXml(doc);
        expectValid(after, 'domain');
        expect(lineChanges(before, after).removed).toEqual([]);
        expect(after.replace(/"/g, "'")).toMatch(sample.expect);
        applyChanges(doc, [
          {
            target: 'device',
            kind: sampleKind(sample.hw.kind),
            key,
            patch: sample.edit.patch,
          },
        ]);
        const edited = serializeDomainXml(doc);
        expectValid(edited, 'domain');
        expect(edited).toMatch(sample.edit.expect);
      });
    }
  }
});

function sampleKind(kind: HardwareKind): string {
  return (
    (
      {
        storage: 'disk',
        network: 'interface',
        'usb-host': 'hostdev',
        'pci-host': 'hostdev',
        mdev: 'hostdev',
        'usb-redir': 'redirdev',
      } as Record<string, string>
    )[kind] ?? kind
  );
}

describe('virt-install’s defaults for the guest', () => {
  const q35 = parseDomainXml(GUESTS.q35);
  const pc = parseDomainXml(GUESTS.i440fx);
  it('follows the machine type like virt-install (CD-ROM bus, sound model, video)', () => {
    expect(defaultSettings('storage', q35, 'cdrom')).toMatchObject({ targetBus: 'sata', readonly: true });
    expect(defaultSettings('storage', pc, 'cdrom')).toMatchObject({ targetBus: 'ide' });
    expect(defaultSettings('sound', q35)).toEqual({ model: 'ich9' });
    expect(defaultSettings('sound', pc)).toEqual({ model: 'ich6' });
    expect(defaultSettings('video', pc)).toEqual({ modelType: 'vga' });
  });
  it('numbers a new controller after the existing ones of its type', () => {
    const doc = parseDomainXml(GUESTS.q35);
    const first = defaultSettings('controller', doc)['index'] as number;
    addHardware(doc, { kind: 'controller', settings: defaultSettings('controller', doc) as never });
    expect(defaultSettings('controller', doc)['index']).toBe(first + 1);
  });
  it('virtiofs shares the guest memory, as virtiofsd needs', () => {
    const doc = parseDomainXml(GUESTS.q35);
    addHardware(doc, {
      kind: 'filesystem',
      settings: { ...defaultSettings('filesystem', doc), sourceDir: '/srv', targetDir: 'srv' } as never,
    });
    const xml = serializeDomainXml(doc);
    expect(xml).toMatch(/<memoryBacking>\s*<source type='memfd'\/>\s*<access mode='shared'\/>/);
    expectValid(xml, 'domain');
  });
});

describe('bad input is named on its field before anything is sent', () => {
  const doc = parseDomainXml(GUESTS.q35);
  it('asks for what a kind cannot do without', () => {
    const fields = (kind: HardwareKind, variant?: string) =>
      newDeviceProblems({ kind, settings: defaultSettings(kind, doc, variant) as never }).map((p) => p.field);
    expect(fields('storage')).toEqual(['new.sourceFile']);
    expect(fields('pci-host')).toEqual(['new.sourcePci']);
    expect(fields('usb-host')).toEqual(['new.usbVendor', 'new.usbProduct']);
    expect(fields('filesystem')).toEqual(['new.sourceDir', 'new.targetDir']);
    expect(fields('channel', 'custom')).toEqual(['new.targetName']);
    expect(fields('network', 'hostdev')).toEqual(['new.sourcePci']);
    expect(fields('storage', 'cdrom')).toEqual([]);
  });
  it('refuses a second TPM, and a MAC that cannot be a NIC’s', () => {
    const withTpm = parseDomainXml(GUESTS.q35);
    addHardware(withTpm, { kind: 'tpm', settings: defaultSettings('tpm', withTpm) as never });
    expect(singleInstanceProblem(withTpm, { kind: 'tpm', settings: {} })?.message).toMatch(
      /already has a <tpm>/,
    );
    const mac = newDeviceProblems({
      kind: 'network',
      settings: { type: 'network', sourceNetwork: 'x', mac: '01:00:00:00:00:01' },
    });
    expect(mac).toEqual([
      expect.objectContaining({ field: 'new.mac', message: expect.stringMatching(/multicast/) }),
    ]);
  });
  it('says each problem as a check key + values too, for the dialog’s language (issue 15)', () => {
    const withTpm = parseDomainXml(GUESTS.q35);
    addHardware(withTpm, { kind: 'tpm', settings: defaultSettings('tpm', withTpm) as never });
    expect(singleInstanceProblem(withTpm, { kind: 'tpm', settings: {} })?.check).toEqual({
      key: 'hardware.singleInstance',
      values: { element: '<tpm>' },
    });
    expect(newDeviceProblems({ kind: 'pci-host', settings: {} })).toEqual([
      {
        field: 'new.sourcePci',
        code: 'required',
        message: 'Choose a PCI device of the host',
        check: { key: 'hardware.choosePci' },
      },
    ]);
    expect(
      newDeviceProblems({
        kind: 'network',
        settings: { type: 'network', sourceNetwork: 'x', mac: '00:00:00:00:00:00' },
      }),
    ).toEqual([expect.objectContaining({ code: 'bad-mac', check: { key: 'mac.allZero' } })]);
  });
});
