import type { DomainSummary } from '../../../shared/api/domains';
import { NamedObjectCollection } from '../collections/named-collection';
import type { EventBus } from '../events/event-bus';
import type { LiveHost } from '../hosts/host-connection';
import { parseEventLine } from '../virsh/parse-event';
import { VirshShell } from '../virsh/virsh-shell';
import { readDomainDetails, readDomainList, readOneDomain } from './domain-reader';

const DETAILS_BATCH = 100;
const PARALLEL_READ_FROM = 40;

/**
 * The host's VMs: names and states first (one paint), then every domain's XML, pipelined; kept
 * fresh by `virsh event --all --loop` (one re-read of the domain an event names).
 */
export class DomainCollection extends NamedObjectCollection<DomainSummary> {
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
   * Full read: names and states first (one paint), then every domain's XML, all requests written to
   * the shell at once and pushed in batches as they come back.
   */
  private async reload(host: LiveHost, firstPaint: boolean): Promise<void> {
    // Many VMs: a second, short-lived virsh shares the XML read (virsh is single-threaded; libvirtd is not).
    const helper = VirshShell.open(host.transport, host.uri).catch(() => undefined);
    try {
      const list = await readDomainList(host.shell);
      if (!host.current()) return;
      // The list goes out before "connected": the renderer keeps it, and the status then draws the
      // host expanded with its rows in one go (the other order drew the host twice before a row).
      this.replaceAll(list);
      if (firstPaint) await host.announce();
      const helperShell = list.length >= PARALLEL_READ_FROM ? await helper : undefined;
      const pending = list.map((d, i) =>
        readDomainDetails(helperShell && i % 2 ? helperShell : host.shell, d).catch(() => undefined),
      );
      for (let i = 0; i < pending.length; i += DETAILS_BATCH) {
        const details = await Promise.all(pending.slice(i, i + DETAILS_BATCH));
        if (!host.current()) return;
        this.change(
          details.filter((d): d is DomainSummary => d !== undefined),
          [],
          false,
        );
      }
    } finally {
      void helper.then((h) => h?.close());
    }
  }
}
