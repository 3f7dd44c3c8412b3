import type { Handlers } from '../../api/dispatch';
import type { HostManager } from '../../hosts/host-manager';
import { importDomainXml } from './import-xml';

/** Import a VM from XML (issue 13). Requests arrive already validated. */
export function importHandlers(hosts: HostManager): Pick<Handlers, 'domains/import-xml'> {
  return {
    'domains/import-xml': async ({ hostId, xml, options, define }) => {
      const session = hosts.session(hostId);
      const host = session.live();
      return importDomainXml(
        {
          host,
          domains: () => session.domains.list(),
          pciAddresses: async () =>
            new Set((await session.nodeDevices.ensure(host)).flatMap((d) => (d.pci ? [d.pci.address] : []))),
          refresh: async (uuid) => {
            await session.domains.refresh(host, uuid).catch(() => undefined);
          },
        },
        { xml, options, define },
      );
    },
  };
}
