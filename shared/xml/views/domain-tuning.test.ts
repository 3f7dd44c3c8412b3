import { describe, expect, it } from 'vitest';
import { parseDomainXml } from '../objects';
import { editFixture as edit } from '../testing/edit-assert';
import { fixture } from '../testing/validate';
import { readClock, readFeatures, writeClock, writeFeatures } from './domain-features';
import {
  readBlkiotune,
  readLifecycle,
  readNumatune,
  writeBlkiotune,
  writeLifecycle,
  writeNumatune,
} from './domain-tuning';

describe('numatune, blkiotune, resource, lifecycle, pm', () => {
  it('reads them from the kitchen sink', () => {
    const doc = parseDomainXml(fixture('kitchen-sink.xml'));
    expect(readNumatune(doc)).toEqual({
      mode: 'strict',
      nodeset: '0-1',
      memnodes: [
        { cellid: 0, mode: 'strict', nodeset: '0' },
        { cellid: 1, mode: 'preferred', nodeset: '1' },
      ],
    });
    expect(readBlkiotune(doc).weight).toBe(800);
    expect(readBlkiotune(doc).devices![1]).toEqual({
      path: '/dev/sdb',
      weight: 500,
      readBytesSec: 10000,
      writeBytesSec: 10000,
      readIopsSec: 20000,
      writeIopsSec: 20000,
    });
    expect(readLifecycle(doc)).toEqual({
      partition: '/machine',
      onPoweroff: 'destroy',
      onReboot: 'restart',
      onCrash: 'coredump-restart',
      onLockfailure: 'poweroff',
      suspendToMem: false,
      suspendToDisk: false,
    });
  });

  it('moves the csr1kv to NUMA node 1 and changes crash behaviour, nothing else', () => {
    const r = edit('csr1kv-1.xml', (doc) => {
      writeNumatune(doc, { nodeset: '1' });
      writeLifecycle(doc, { onCrash: 'restart', onLockfailure: 'poweroff', suspendToMem: true });
    });
    expect(r.removed).toEqual([
      "<memory mode='strict' nodeset='0'/>",
      '<on_crash>destroy</on_crash>',
      "<suspend-to-mem enabled='no'/>",
    ]);
    expect(r.added).toEqual([
      "<memory mode='strict' nodeset='1'/>",
      '<on_crash>restart</on_crash>',
      '<on_lockfailure>poweroff</on_lockfailure>',
      "<suspend-to-mem enabled='yes'/>",
    ]);
  });

  it('adds block I/O tuning and a resource partition where libvirt puts them', () => {
    const r = edit('test-driver-domain.xml', (doc) => {
      writeBlkiotune(doc, { weight: 300, devices: [{ path: '/dev/sda', weight: 200 }] });
      writeLifecycle(doc, { partition: '/machine/web' });
    });
    expect(r.after).toMatch(
      /<currentMemory[^\n]+\n {2}<blkiotune>\n {4}<weight>300<\/weight>\n {4}<device>\n {6}<path>\/dev\/sda<\/path>\n {6}<weight>200<\/weight>\n {4}<\/device>\n {2}<\/blkiotune>\n {2}<vcpu/,
    );
    expect(r.after).toMatch(
      /<\/vcpu>\n {2}<resource>\n {4}<partition>\/machine\/web<\/partition>\n {2}<\/resource>\n {2}<os>/,
    );
    expect(r.removed).toEqual([]);
  });
});

describe('features and clock', () => {
  it('reads every Hyper-V switch, KVM hidden and the rest', () => {
    const f = readFeatures(parseDomainXml(fixture('kitchen-sink.xml')));
    expect(f).toMatchObject({
      acpi: true,
      apic: true,
      pae: true,
      hap: true,
      hyperv: true,
      hypervMode: 'custom',
      hvRelaxed: true,
      hvSpinlocks: true,
      hvSpinlockRetries: 8191,
      hvStimer: true,
      hvStimerDirect: true,
      hvVendorId: true,
      hvVendorIdValue: 'KVM Hv',
      hvEvmcs: false,
      kvmHidden: true,
      kvmHintDedicated: true,
      pvspinlock: true,
      vmport: false,
      smm: true,
      ioapicDriver: 'kvm',
    });
    expect(f.viridian).toBe(false);
  });

  it('turns on Hyper-V enlightenments and KVM hidden for a Windows guest, in canonical order', () => {
    const r = edit('csr1kv-1.xml', (doc) => {
      writeFeatures(doc, {
        hvRelaxed: true,
        hvVapic: true,
        hvSpinlocks: true,
        hvSpinlockRetries: 8191,
        kvmHidden: true,
        smm: true,
      });
      writeClock(doc, { offset: 'localtime' });
    });
    expect(r.removed).toEqual(["<clock offset='utc'>"]);
    expect(r.added).toEqual([
      '<hyperv>',
      "<relaxed state='on'/>",
      "<vapic state='on'/>",
      "<spinlocks state='on' retries='8191'/>",
      '</hyperv>',
      '<kvm>',
      "<hidden state='on'/>",
      '</kvm>',
      "<smm state='on'/>",
      "<clock offset='localtime'>",
    ]);
  });

  it('turning the last Hyper-V switch off removes <hyperv> entirely', () => {
    const r = edit('csr1kv-1.xml', (doc) => {
      writeFeatures(doc, { hvRelaxed: true });
      writeFeatures(doc, { hvRelaxed: undefined });
    });
    expect(r.added).toEqual([]);
    expect(r.removed).toEqual([]);
  });

  it('edits timers in place', () => {
    const doc = parseDomainXml(fixture('csr1kv-1.xml'));
    const clock = readClock(doc);
    expect(clock.timers).toEqual([
      { name: 'rtc', tickpolicy: 'catchup' },
      { name: 'pit', tickpolicy: 'delay' },
      { name: 'hpet', present: false },
    ]);
    const r = edit('csr1kv-1.xml', (d) =>
      writeClock(d, {
        timers: [
          ...clock.timers!.slice(0, 2),
          { name: 'hpet', present: true },
          { name: 'kvmclock', present: true },
        ],
      }),
    );
    expect(r.removed).toEqual(["<timer name='hpet' present='no'/>"]);
    expect(r.added).toEqual(["<timer name='hpet' present='yes'/>", "<timer name='kvmclock' present='yes'/>"]);
  });
});
