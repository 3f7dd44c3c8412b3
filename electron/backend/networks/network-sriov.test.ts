import { describe, expect, it } from 'vitest';
import type { VirshRunner } from '../virsh/virsh-runner';
import { checkEnglish } from '../../../shared/checks/check-message';
import { sriovProblem } from './network-sriov';

const NET = (iface: string, parent: string) =>
  `<device><name>net_${iface}</name><parent>${parent}</parent><capability type='net'><interface>${iface}</interface></capability></device>`;
const PCI_SRIOV =
  "<device><name>pci_0000_01_00_1</name><capability type='pci'><capability type='virt_functions' maxCount='7'/></capability></device>";
const PCI_PLAIN = "<device><name>pci_0000_02_00_0</name><capability type='pci'/></device>";

function fakeHost(devices: Record<string, string>, listFails = false): VirshRunner {
  return {
    run: async (argv) => {
      if (argv[0] === 'nodedev-list') {
        if (listFails) throw new Error('unsupported flags');
        return Object.keys(devices)
          .filter((n) => n.startsWith('net_'))
          .join('\n');
      }
      const xml = devices[argv[2]!];
      if (!xml) throw new Error('no such device');
      return xml;
    },
  };
}

describe('SR-IOV pool checks', () => {
  const devices = {
    net_eno2: NET('eno2', 'pci_0000_01_00_1'),
    net_eno1: NET('eno1', 'pci_0000_02_00_0'),
    pci_0000_01_00_1: PCI_SRIOV,
    pci_0000_02_00_0: PCI_PLAIN,
  };

  it('accepts a physical function with virtual functions', async () => {
    expect(await sriovProblem(fakeHost(devices), 'eno2')).toBeUndefined();
  });

  it('refuses an interface whose PCI device offers no virtual functions', async () => {
    const problem = await sriovProblem(fakeHost(devices), 'eno1');
    expect(problem).toEqual({ key: 'network.pfNoVfs', values: { pf: 'eno1', device: 'pci_0000_02_00_0' } });
    expect(checkEnglish(problem!)).toBe(
      'The interface eno1 has no SR-IOV virtual functions (its device pci_0000_02_00_0 offers none)',
    );
  });

  it('refuses a virtual interface (no PCI device behind it)', async () => {
    const host = fakeHost({
      net_lo: NET('lo', 'computer'),
      computer: '<device><name>computer</name></device>',
    });
    const problem = await sriovProblem(host, 'lo');
    expect(problem).toEqual({ key: 'network.pfNotPci', values: { pf: 'lo' } });
    expect(checkEnglish(problem!)).toBe(
      'The interface lo is not a PCI device, so it has no SR-IOV virtual functions',
    );
  });

  it('says nothing when node devices cannot be listed (the test driver)', async () => {
    expect(await sriovProblem(fakeHost(devices, true), 'eno1')).toBeUndefined();
  });
});
