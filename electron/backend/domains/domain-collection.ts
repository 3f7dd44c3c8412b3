import type { DomainSummary } from '../../../shared/api/domains';
import { NamedObjectCollection } from '../collections/named-collection';
import type { EventBus } from '../events/event-bus';
import type { LiveHost } from '../hosts/host-connection';
import type { LibvirtReader } from '../libvirt-rpc/libvirt-reader';
import { parseEventLine } from '../virsh/parse-event';
import { readAcross } from '../virsh/read-across';
import { VirshShell } from '../virsh/virsh-shell';
import {
  readDomainDetails,
  readDomainList,
  readDomainListFromDaemon,
  readOneDomain,
  readerXml,
  virshXml,
  type DomainXmlSource,
} from './domain-reader';

/** Details pushed together: each delta costs the renderer a parse and a render, whatever its size. */
const DETAILS_BATCH = 100;
/** From the daemon reader (hundreds of documents in ~0.1 s) the renderer gets them in fewer deltas. */
const READER_BATCH = 500;
const PARALLEL_READ_FROM = 40;

/**
 * The host's VMs: names and states first (one paint), then every domain's XML, pipelined; kept
 * fresh by the daemon's domain events (one re-read of the domain an event names) — through the
 * daemon reader where the host has one, else `virsh event --all --loop`.
 */
export class DomainCollection extends NamedObjectCollection<DomainSummary> {
  /** The VM list is the first screen: it reads before the host's other parts start. */
  readonly paintsFirst = true;

  constructor(hostId: string, bus: EventBus) {
    super(hostId, (delta) => bus.emit('domains/delta', delta), {
      kind: 'domain',
      verb: 'event',
      nameIn: (line) => parseEventLine(line)?.domain,
    });
  }

  /** The current connection's list is out (the catch-up compares with it). */
  private listOut: Promise<void> = Promise.resolve();
  private markListOut: () => void = () => undefined;

  protected async load(host: LiveHost): Promise<void> {
    this.listOut = new Promise<void>((resolve) => (this.markListOut = resolve));
    try {
      // Through the daemon reader (open before virsh starts) the events are registered — the daemon
      // answered — before the list is read from it: nothing in between goes unreported, no virsh
      // starts for the stream. Without one, virsh lists and listens, and catches up.
      const reader = await host.reader?.();
      if (reader && (await this.watchThroughReader(host))) await this.reload(host, true, reader);
      else await Promise.all([this.listenThroughVirsh(host), this.reload(host, true)]);
    } finally {
      this.markListOut();
    }
  }

  /** An event's re-read waits for the list: the list replaces every row, an older state too. */
  override async refresh(host: LiveHost, ref: string): Promise<DomainSummary | undefined> {
    await this.listOut;
    return super.refresh(host, ref);
  }

  /**
   * Once virsh's event stream listens: the quick list again (five commands), and a re-read of every
   * VM whose state or flags changed, appeared or went since the first list — a VM started outside
   * VirtDesk just after the list was read is otherwise shown stopped until its next event.
   */
  protected override async catchUp(host: LiveHost): Promise<void> {
    await this.listOut;
    const list = await readDomainList(host.shell);
    if (!host.current()) return;
    const now = new Set(list.map((d) => d.uuid));
    const gone = [...this.items.keys()].filter((uuid) => !now.has(uuid));
    if (gone.length > 0) this.change([], gone);
    const changed: string[] = [];
    for (const d of list) {
      const shown = this.get(d.uuid);
      const same =
        shown !== undefined &&
        shown.name === d.name &&
        shown.state === d.state &&
        shown.autostart === d.autostart &&
        shown.persistent === d.persistent &&
        shown.hasManagedSave === d.hasManagedSave;
      if (!same) changed.push(d.uuid);
    }
    await Promise.all(changed.map((uuid) => this.refresh(host, uuid).catch(() => undefined)));
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
  private async reload(host: LiveHost, firstPaint: boolean, listFrom?: LibvirtReader): Promise<void> {
    const fresh = this.notRefreshedSince();
    // The reader, where there is one, is open by now (the host opens it before virsh starts).
    // (Asking it for every XML before the list is out was tried: the list came ~60 ms later.)
    const opening = host.reader?.();
    const list = listFrom
      ? await readDomainListFromDaemon(listFrom).catch(() => readDomainList(host.shell))
      : await readDomainList(host.shell);
    if (!host.current()) return;
    // The list goes out before "connected": the renderer keeps it, and the status then draws the
    // host expanded with its rows in one go (the other order drew the host twice before a row).
    this.replaceAll(list);
    this.markListOut();
    // The XML comes from the daemon reader (one call per document, many in flight) where the host
    // has one; else from virsh: for many VMs a second, short-lived virsh shares the read (virsh is
    // single-threaded; libvirtd is not), started only now so it does not compete with the first rows.
    if (firstPaint) await host.announce();
    const reader = await opening;
    const helper =
      !reader && list.length >= PARALLEL_READ_FROM
        ? VirshShell.open(host.transport, host.uri).catch(() => undefined)
        : undefined;
    const sources: Array<DomainXmlSource | Promise<DomainXmlSource | undefined>> = reader
      ? [readerXml(reader, virshXml(host.shell))]
      : [virshXml(host.shell), ...(helper ? [helper.then((h) => h && virshXml(h))] : [])];
    try {
      await readAcross(
        list,
        sources,
        readDomainDetails,
        (details) => {
          if (!host.current()) return false;
          this.change(details.filter(fresh), [], false);
          return true;
        },
        { batch: reader ? READER_BATCH : DETAILS_BATCH },
      );
    } finally {
      void helper?.then((h) => h?.close());
    }
  }
}
