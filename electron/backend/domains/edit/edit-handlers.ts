import type { Handlers } from '../../api/dispatch';
import type { HostManager } from '../../hosts/host-manager';
import { editTarget } from './edit-target';
import { applyEdit } from './apply-edit';
import { applyXmlEdit } from './apply-xml-edit';
import { readCpuChoices } from './cpu-choices';
import { resizeDisk } from './disk-resize';
import { readEditBase } from './edit-base';
import { warmXmlStaging } from '../../virsh/put-xml';
import { readGuestAddresses } from './guest-addresses';

type EditCall =
  | 'domains/edit-base'
  | 'domains/edit'
  | 'domains/edit-xml'
  | 'domains/cpu-choices'
  | 'domains/guest-addresses'
  | 'domains/disk-resize';

/** The Details page's calls → the one edit path. Requests arrive already validated. */
export function editHandlers(hosts: HostManager): Pick<Handlers, EditCall> {
  const at = (hostId: string, uuid: string) => editTarget(hosts, hostId, uuid);
  // The row follows the edit. A define (and domrename) makes libvirt's event stream re-read the row;
  // what sends no event (autostart, blockresize) is re-read here, not waited for. A live change
  // comes after the define, so the define's re-read can see the new definition beside the old
  // running state ("after shutdown" where nothing waits): the answer waits for a read taken after
  // the live half. test:/// has no event stream: there the answer always waits for the row.
  const refreshed = async <T>(
    hostId: string,
    uuid: string,
    result: T,
    how: 'event' | 'eventless' | 'after-live' = 'eventless',
  ): Promise<T> => {
    const session = hosts.session(hostId);
    const host = session.live();
    const test = host.uri.startsWith('test:');
    if (!test && how === 'event') return result;
    const refresh = session.domains.refresh(host, uuid).catch(() => undefined);
    if (test || how === 'after-live') await refresh;
    return result;
  };
  const afterApply = (result: { fields: { applied: string }[] }, eventless: boolean) =>
    result.fields.some((f) => f.applied === 'live') ? 'after-live' : eventless ? 'eventless' : 'event';
  return {
    'domains/edit-base': ({ hostId, uuid }) => {
      const { host, domain } = at(hostId, uuid);
      warmXmlStaging(host);
      return readEditBase(host.shell, domain);
    },
    'domains/edit': async ({ hostId, uuid, baseXml, preview, changes }) => {
      const { target, domain } = at(hostId, uuid);
      const result = await applyEdit(target, domain, { baseXml, preview, changes });
      const eventless = changes.some((c) => c.target === 'autostart');
      return result.outcome === 'applied'
        ? refreshed(hostId, uuid, result, afterApply(result, eventless))
        : result;
    },
    'domains/edit-xml': async ({ hostId, uuid, baseXml, preview, xml, deviceKey }) => {
      const { target, domain } = at(hostId, uuid);
      const result = await applyXmlEdit(target, domain, { baseXml, preview, xml, deviceKey });
      return result.outcome === 'applied'
        ? refreshed(hostId, uuid, result, afterApply(result, false))
        : result;
    },
    'domains/cpu-choices': ({ hostId }) => readCpuChoices(hosts.session(hostId).live().shell),
    'domains/guest-addresses': ({ hostId, uuid }) => {
      const { host, domain } = at(hostId, uuid);
      return readGuestAddresses(host.shell, domain.uuid);
    },
    'domains/disk-resize': async ({ hostId, uuid, target: device, bytes }) => {
      const { host, domain } = at(hostId, uuid);
      return refreshed(hostId, uuid, await resizeDisk(host.shell, domain, device, bytes));
    },
  };
}
