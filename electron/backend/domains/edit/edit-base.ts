import type { EditBase } from '../../../../shared/api/domain-edit';
import type { DomainSummary } from '../../../../shared/api/domains';
import type { VirshRunner } from '../../virsh/virsh-runner';

/** A domain is "active" for live changes when it has a running QEMU (paused included). */
export const isActive = (domain: Pick<DomainSummary, 'state'>): boolean =>
  domain.state !== 'shut off' && domain.state !== 'crashed' && domain.state !== 'no state';

/** The edit base: the inactive XML with secrets, exactly as the host has it now. */
export function readInactiveXml(virsh: VirshRunner, uuid: string): Promise<string> {
  return virsh.run(['dumpxml', '--inactive', '--security-info', '--domain', uuid]);
}

export function readLiveXml(virsh: VirshRunner, uuid: string): Promise<string> {
  return virsh.run(['dumpxml', '--security-info', '--domain', uuid]);
}

/** What a Details page opens with: the inactive XML (the base of every edit) and the live one. */
export async function readEditBase(virsh: VirshRunner, domain: DomainSummary): Promise<EditBase> {
  const [xml, liveXml] = await Promise.all([
    readInactiveXml(virsh, domain.uuid),
    isActive(domain) ? readLiveXml(virsh, domain.uuid).catch(() => undefined) : undefined,
  ]);
  return { xml, ...(liveXml !== undefined ? { liveXml } : {}), autostart: domain.autostart ?? false };
}
