import type { DomainSummary } from '../../../shared/api/domains';
import { ObjectCollection } from '../collections/object-collection';
import { listenForEvents } from '../collections/event-listening';
import type { EventBus } from '../events/event-bus';
import type { VirshEventStream } from '../events/virsh-event-stream';
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
export class DomainCollection extends ObjectCollection<DomainSummary> {
  private stream: VirshEventStream | undefined;
  private readonly refreshTimers = new Map<string, NodeJS.Timeout>();

  constructor(hostId: string, bus: EventBus) {
    super(
      hostId,
      (delta) => bus.emit('domains/delta', delta),
      (d) => d.uuid,
    );
  }

  findByName(name: string): DomainSummary | undefined {
    return this.find((d) => d.name === name);
  }

  protected async load(host: LiveHost): Promise<void> {
    await Promise.all([this.startEvents(host), this.reload(host, true)]);
  }

  protected stopListening(): void {
    for (const timer of this.refreshTimers.values()) clearTimeout(timer);
    this.refreshTimers.clear();
    this.stream?.close();
    this.stream = undefined;
  }

  /** Re-reads one domain and pushes the change; `ref` is a UUID or (for new domains) a name. */
  async refresh(host: LiveHost, ref: string): Promise<DomainSummary | undefined> {
    const known = this.get(ref) ?? this.findByName(ref);
    const summary = await readOneDomain(host.shell, ref);
    if (!host.current()) return summary;
    const gone = known && (!summary || summary.uuid !== known.uuid) ? [known.uuid] : [];
    this.change(summary ? [summary] : [], gone);
    return summary;
  }

  private async startEvents(host: LiveHost): Promise<void> {
    this.stream = await listenForEvents(host, 'event', (line) => {
      const event = parseEventLine(line);
      if (event) this.onEvent(host, event.domain);
    });
  }

  private onEvent(host: LiveHost, name: string): void {
    const ref = this.findByName(name)?.uuid ?? name;
    clearTimeout(this.refreshTimers.get(ref));
    this.refreshTimers.set(
      ref,
      setTimeout(() => {
        this.refreshTimers.delete(ref);
        this.refresh(host, ref).catch(() => this.reload(host, false).catch(() => undefined));
      }, 25),
    );
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
      if (firstPaint) await host.announce();
      this.replaceAll(list);
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
