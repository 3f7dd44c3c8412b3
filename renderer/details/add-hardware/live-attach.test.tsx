import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { HARDWARE_KINDS, type HardwareKind } from '../../../shared/api/domain-hardware';
import { defaultSettings, VARIANTS } from '../../../shared/domain-edit/hardware/hardware-kinds';
import { liveAttach } from '../../../shared/domain-edit/hardware/live-attach';
import { parseDomainXml } from '../../../shared/xml/objects';
import { createI18n } from '../../i18n/create-i18n';
import { DeviceOutcomes } from '../edit-result-view';
import { LiveAttachNote } from './live-attach-note';

// Rendered to markup (no DOM here). The guest is the test host's running `pc` guest of
// add-hardware.int.test.ts, whose live results docs/hardware.md lists per kind.
const PC = parseDomainXml(`<domain type='qemu'><name>g</name><memory unit='MiB'>64</memory>
<os><type arch='x86_64' machine='pc'>hvm</type></os><devices><graphics type='spice' autoport='yes'/></devices></domain>`);

const wrap = (node: React.ReactNode) =>
  renderToStaticMarkup(<I18nextProvider i18n={createI18n('en')}>{node}</I18nextProvider>);
const note = (kind: HardwareKind, variant?: string) =>
  wrap(<LiveAttachNote kind={kind} settings={defaultSettings(kind, PC, variant)} variant={variant} />);

describe('Add Hardware: attached now or after the next guest shutdown, said before Finish', () => {
  it('says it for every kind and variant, as libvirt did on the running pc guest', () => {
    const expected: Partial<Record<string, string>> = {
      'storage/disk': 'now',
      'storage/cdrom': 'later',
      'storage/floppy': 'later',
      controller: 'later',
      input: 'now',
      graphics: 'later',
      sound: 'later',
      serial: 'later',
      parallel: 'later',
      video: 'later',
      watchdog: 'now',
      'filesystem/9p': 'later',
      smartcard: 'later',
      'usb-redir': 'now',
      'tpm/emulated': 'later',
      rng: 'now',
      panic: 'later',
      memballoon: 'later',
      iommu: 'later',
      'pci-host': 'host',
      'network/network': 'host',
    };
    for (const kind of HARDWARE_KINDS)
      for (const variant of VARIANTS[kind] ?? [undefined]) {
        const name = variant ? `${kind}/${variant}` : kind;
        const answer = liveAttach(kind, defaultSettings(kind, PC, variant), variant);
        if (expected[name]) expect(answer.attach, name).toBe(expected[name]);
        const html = note(kind, variant);
        expect(html, name).toContain(`data-attach="${answer.attach}"`);
        expect(html, name).not.toMatch(/hardware\.live/);
      }
  });

  it('names the reason: a disk on a bus that cannot be hot-plugged, a CD-ROM', () => {
    expect(
      wrap(<LiveAttachNote kind="storage" settings={{ device: 'disk', targetBus: 'sata' }} variant="disk" />),
    ).toContain('Only after the next guest shutdown: the sata bus is not hot-pluggable.');
    expect(note('storage', 'disk')).toContain(
      'Attached to the running VM now: libvirt hot-plugs disks on the virtio bus.',
    );
    expect(note('storage', 'cdrom')).toContain('libvirt cannot hot-plug CD-ROM or floppy drives');
  });
});

describe('Add Hardware / Remove: what happened to each device, after Finish', () => {
  it('lists devices attached now and those waiting for the shutdown with libvirt’s words; not a field edit', () => {
    const html = wrap(
      <DeviceOutcomes
        fields={[
          { field: 'device:input:tablet:usb', applied: 'live' },
          {
            field: 'device:graphics:vnc',
            applied: 'next-boot',
            message: "live attach of device 'graphics' is not supported",
          },
          { field: 'device:hostdev:pci/0000:02:00.0', applied: 'live' },
          { field: 'device:disk:vda.sourceFile', applied: 'live' },
        ]}
      />,
    );
    expect(html).toContain('input:tablet:usb: attached now');
    expect(html).toContain(
      'graphics:vnc: after the next guest shutdown (live attach of device &#x27;graphics&#x27; is not supported)',
    );
    expect(html).toContain('hostdev:pci/0000:02:00.0: attached now');
    expect(html).not.toContain('vda');
    expect(wrap(<DeviceOutcomes fields={[{ field: 'device:disk:vdb', applied: 'saved' }]} />)).toBe('');
  });
});
