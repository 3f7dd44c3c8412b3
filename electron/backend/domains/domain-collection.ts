import type { DomainSummary } from '../../../shared/api/domains';
import { NamedObjectCollection } from '../collections/named-collection';
import type { EventBus } from '../events/event-bus';
import type { LiveHost } from '../hosts/host-connection';
import { parseEventLine } from '../virsh/parse-event';
import { readAcross } from '../virsh/read-across';
import { VirshShell } from '../virsh/virsh-shell';
import { readDomainDetails, readDomainList, readOneDomain } from './domain-reader';

const DETAILS_BATCH = 100;
const PARALLEL_READ_FROM = 40;

/**
 * The host's VMs: names and states first (one paint), then every domain's XML, pipelined; kept
 * fresh by `virsh event --all --loop` (one re-read of the domain an event names).
 */
export class DomainCollection extends NamedObjectCollection<DomainSummary> {
  /** The VM list is the first screen: it reads before the host's other parts start. */
  readonly paintsFirst = true;

  constructor(hostId: string, bus: EventBus) {
    super(hostId, (delta) => bus.emit('domains/delta', delta), {
      verb: 'event',
      nameIn: (line) => parseEventLine(line)?.domain,
    });
  }

  protected async load(host: LiveHost): Promise<void> {
    await Promise.all([this.startEvents(host), this.reload(host, true)]);
  }

  protected readOne(host: LiveHost, ref: string): Promise<DomainSummary | undefined> {
    return readOneDomain(host.shell, ref);
  }

  protected reloadAll(host: LiveHost): Promise<void> {
    return this.reload(host, false);
  }

  /**
   * Full read: names and states first (one paint), then every domain's XML, pipelined on the shell
   * (and, for many VMs, a second virsh started once the list is out) and pushed in batches.
   */
  private async reload(host: LiveHost, firstPaint: boolean): Promise<void> {
    const list = await readDomainList(host.shell);
    if (!host.current()) return;
    // The list goes out before "connected": the renderer keeps it, and the status then draws the
    // host expanded with its rows in one go (the other order drew the host twice before a row).
    this.replaceAll(list);
    // Many VMs: a second, short-lived virsh shares the XML read (virsh is single-threaded; libvirtd
    // is not). Started only now, so it does not compete with the first rows; it joins when ready.
    const helper =
      list.length >= PARALLEL_READ_FROM
        ? VirshShell.open(host.transport, host.uri).catch(() => undefined)
        : undefined;
    try {
      if (firstPaint) await host.announce();
      await readAcross(
        list,
        helper ? [host.shell, helper] : [host.shell],
        readDomainDetails,
        (details) => {
          if (!host.current()) return false;
          this.change(details, [], false);
          return true;
        },
        { batch: DETAILS_BATCH },
      );
    } finally {
      void helper?.then((h) => h?.close());
    }
  }
}
