import { check, type CheckMessage } from '../../../shared/checks/check-message';
import type { VirshRunner } from '../virsh/virsh-runner';

const tag = (xml: string, name: string) => new RegExp(`<${name}>([^<]+)</${name}>`).exec(xml)?.[1];

/**
 * Why `pf` cannot carry an SR-IOV VF pool, or undefined when it can or nobody can tell (a libvirt
 * that does not list node devices). The interface's node device names its parent, the PCI function;
 * an SR-IOV capable function has a `virt_functions` capability in its XML.
 */
export async function sriovProblem(virsh: VirshRunner, pf: string): Promise<CheckMessage | undefined> {
  let names: string[];
  try {
    names = (await virsh.run(['nodedev-list', '--cap', 'net']))
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  } catch {
    return undefined;
  }
  const xmls = await Promise.all(
    names.map((n) => virsh.run(['nodedev-dumpxml', '--device', n]).catch(() => '')),
  );
  const device = xmls.find((xml) => tag(xml, 'interface') === pf);
  const parent = device && tag(device, 'parent');
  if (!parent) return undefined;
  const parentXml = await virsh.run(['nodedev-dumpxml', '--device', parent]).catch(() => undefined);
  if (parentXml === undefined) return undefined;
  if (/<capability type=['"]virt_functions['"]/.test(parentXml)) return undefined;
  if (!/<capability type=['"]pci['"]/.test(parentXml)) return check('network.pfNotPci', { pf });
  return check('network.pfNoVfs', { pf, device: parent });
}
