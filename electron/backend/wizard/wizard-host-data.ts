import { ApiError } from '../../../shared/api/errors';
import type { DiskSource, HostCapabilities, OsDetails, OsEntry } from '../../../shared/api/wizard';
import type { EventBus } from '../events/event-bus';
import type { HostPart, LiveHost } from '../hosts/host-connection';
import { runToEnd } from '../virsh/one-off-process';
import { hostScript, script, words, type ShellText } from '../virsh/quote';
import { readHostCapabilities, type CapabilitiesQuery } from './host-capabilities';
import { OsDbStamp, type CachedOsList, type OsListCache } from './os-list-cache';
import { osChainScript, osDetectScript, osListScript } from './osinfo-scripts';
import { osDetailsFromChain, parseOsinfoDetect, parseOsinfoQuery, splitOsinfoChain } from './parse-osinfo';

type OsList = { entries: OsEntry[]; message?: string };

export interface WizardHostDataOptions {
  /** Read capabilities and the OS list at connect (default true; off for a benchmark's baseline). */
  prefetch: boolean;
  /** The OS list kept on the desktop across connections and restarts (absent: read every time). */
  osListCache?: OsListCache | undefined;
  /** Where `wizard/os-list-changed` goes when a kept list turned out stale. */
  bus?: EventBus | undefined;
}

/**
 * What the wizard reads from a host, cached for the life of one connection (a reconnect reads
 * again: the host may have been upgraded meanwhile): capabilities per (arch, virt type, machine),
 * the OS list, and OS details per id. The OS list is also kept on the desktop (`OsListCache`):
 * at connect the kept list answers at once while one call checks it against the host's osinfo-db
 * and, when the db changed, reads the new list, keeps it and says so (`wizard/os-list-changed`).
 */
export class WizardHostData implements HostPart {
  private caps = new Map<string, Promise<HostCapabilities>>();
  private osList: Promise<OsList> | undefined;
  private details = new Map<string, Promise<OsDetails>>();

  constructor(private readonly options: WizardHostDataOptions = { prefetch: true }) {}

  /**
   * A (re)connect starts empty and at once starts reading what the wizard's first two steps need:
   * the default capabilities, queued on the shell with the other parts' first reads (behind the
   * manager's lists, ahead of their follow-ups), and the OS list (the kept one, checked on its own
   * channel). A wizard opened when the host shows as connected finds them read or nearly
   * (docs/wizard.md, "Step 1 ready").
   */
  async attach(host: LiveHost): Promise<void> {
    this.reset();
    if (!this.options.prefetch) return;
    this.capabilities(host, {}).catch(() => undefined);
    this.listOs(host).catch(() => undefined);
  }

  detach(): void {
    this.reset();
  }

  clear(): void {
    this.reset();
  }

  capabilities(host: LiveHost, query: CapabilitiesQuery): Promise<HostCapabilities> {
    const key = JSON.stringify([query.arch, query.virtType, query.machine]);
    return this.cached(this.caps, key, () => readHostCapabilities(host.shell, host.uri, query));
  }

  listOs(host: LiveHost): Promise<OsList> {
    if (!this.osList) {
      const reading = this.keptOrRead(host);
      this.osList = reading;
      reading.catch(() => {
        if (this.osList === reading) this.osList = undefined;
      });
    }
    return this.osList;
  }

  osDetails(host: LiveHost, osId: string, arch: string): Promise<OsDetails> {
    return this.cached(this.details, `${arch}\n${osId}`, async () => {
      const output = await runScript(host, osChainScript(osId));
      const chain = splitOsinfoChain(output);
      if (chain.length === 0)
        throw new ApiError('invalid-request', `The host's osinfo-db has no operating system ${osId}`);
      return osDetailsFromChain(chain, arch);
    });
  }

  /**
   * The kept list at once (its end-of-life flags as of today), checked against the host behind it;
   * without one, the host's list (then kept).
   */
  private async keptOrRead(host: LiveHost): Promise<OsList> {
    const cache = this.options.osListCache;
    const key = `${host.hostId}\n${host.uri}`;
    const kept = await cache?.load(key);
    if (!kept) return (await this.readAndKeep(host, key, '')) ?? { entries: [] };
    const check = this.readAndKeep(host, key, kept.stamp);
    const served = this.osList;
    check.then(
      (fresh) => {
        if (fresh === undefined || this.osList !== served || !host.current()) return;
        this.osList = Promise.resolve(fresh);
        this.options.bus?.emit('wizard/os-list-changed', { hostId: host.hostId, ...fresh });
      },
      () => undefined, // the kept list stays; the next connect checks again
    );
    return osListAsOfToday(kept);
  }

  /** One call: the host's list, or `undefined` when its db still has `known`'s stamp. */
  private async readAndKeep(host: LiveHost, key: string, known: string): Promise<OsList | undefined> {
    const { stamp, list } = await readOsList(host, known);
    if (!list) return undefined;
    if (stamp) this.options.osListCache?.save(key, { version: 1, stamp, ...list }).catch(() => undefined);
    return list;
  }

  private cached<T>(map: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> {
    let value = map.get(key);
    if (!value) {
      value = read();
      map.set(key, value);
      value.catch(() => map.delete(key));
    }
    return value;
  }

  private reset(): void {
    this.caps = new Map();
    this.details = new Map();
    this.osList = undefined;
  }
}

async function runScript(host: LiveHost, body: ShellText): Promise<string> {
  const { output } = await runToEnd(await host.transport.exec(hostScript`${body}`));
  return output;
}

const today = () => new Date().toISOString().slice(0, 10);

/** The host's OS list and its db's stamp; no list when the stamp equals `known`. */
async function readOsList(host: LiveHost, known: string): Promise<{ stamp?: string; list?: OsList }> {
  const output = await runScript(host, osListScript(known));
  const head = /^@@stamp (.*)\n/.exec(output);
  const stamp = head && OsDbStamp.safeParse(head[1]).success ? head[1] : undefined;
  const body = head ? output.slice(head[0].length) : output;
  if (stamp && body.trim() === '@@same') return { stamp };
  if (body.trim() === '@@none')
    return {
      ...(stamp ? { stamp } : {}),
      list: {
        entries: [],
        message: 'This host has no osinfo-db (Debian: apt install osinfo-db); choose a generic OS',
      },
    };
  const entries = parseOsinfoQuery(body, today()).sort((a, b) => a.name.localeCompare(b.name));
  return { ...(stamp ? { stamp } : {}), list: { entries } };
}

/** A kept list with its end-of-life flags as of today (an OS may have reached its date since). */
function osListAsOfToday(kept: CachedOsList): OsList {
  const now = today();
  const entries = kept.entries.map((e) => ({ ...e, eol: e.eolDate !== undefined && e.eolDate <= now }));
  return { entries, ...(kept.message ? { message: kept.message } : {}) };
}

/** `osinfo-detect` on a path of the host: the OS id when libosinfo recognises the media. */
export async function detectOs(host: LiveHost, path: string): Promise<{ osId?: string; message: string }> {
  const output = await runScript(host, osDetectScript(path));
  if (output.trim() === '@@missing')
    return { message: 'osinfo-detect is not installed on this host (Debian: libosinfo-bin)' };
  const found = parseOsinfoDetect(output);
  if (found.osId) return { osId: found.osId, message: `Detected ${found.osName ?? found.osId}` };
  if (found.bootable)
    return { message: 'The media is bootable, but the host’s osinfo-db does not recognise it' };
  return { message: output.trim() || 'The media was not recognised' };
}

/** The path of a disk source on the host (a pool volume's path from libvirt). */
export async function sourcePath(host: LiveHost, source: DiskSource): Promise<string> {
  if ('path' in source) return source.path;
  return (await host.shell.run(['vol-path', '--pool', source.pool, source.volume])).trim();
}

/**
 * Can the hypervisor read this file? On a session connection QEMU runs as the connecting user, so
 * that user must be able to read it; on a system connection libvirt relabels the file for QEMU, so
 * it only has to exist.
 */
export async function checkMedia(
  host: LiveHost,
  source: DiskSource,
): Promise<{ ok: boolean; path?: string; message?: string }> {
  const path = await sourcePath(host, source);
  const session = /\/session(\?|$)/.test(host.uri);
  const q = words([path]);
  const test = session ? script`-r` : script`-e`;
  const out = await runScript(
    host,
    script`if [ ! -e ${q} ]; then echo missing; elif [ -d ${q} ]; then echo directory; elif [ ${test} ${q} ]; then echo ok; else echo unreadable; fi`,
  );
  const state = out.trim();
  if (state === 'ok') return { ok: true, path };
  const message =
    state === 'missing'
      ? `${path} does not exist on the host`
      : state === 'directory'
        ? `${path} is a directory, not a file`
        : `${path} cannot be read by the hypervisor: on a session connection QEMU runs as your user, who has no read permission`;
  return { ok: false, path, message };
}

/** Does the URL answer from the host (where the guest's installer will fetch from)? */
export async function checkUrl(host: LiveHost, url: string): Promise<{ ok: boolean; message?: string }> {
  const q = words([url]);
  const out = await runScript(
    host,
    script`if command -v curl >/dev/null 2>&1; then curl -sS -o /dev/null --max-time 10 -r 0-0 -w '%{http_code}' ${q} 2>&1; echo " rc=$?"; elif command -v wget >/dev/null 2>&1; then wget -q -T 10 --spider ${q} 2>&1; echo " rc=$?"; else echo '@@none'; fi`,
  );
  if (out.trim() === '@@none')
    return { ok: true, message: 'The host has neither curl nor wget: the URL was not checked' };
  const rc = /rc=(\d+)/.exec(out)?.[1];
  const code = /^(\d{3})/.exec(out.trim())?.[1];
  if (rc === '0' && (!code || /^[23]/.test(code) || code === '000')) return { ok: true };
  const detail = out.replace(/\s*rc=\d+\s*$/, '').trim();
  return {
    ok: false,
    message: `${url} does not answer from the host${code && code !== '000' ? ` (HTTP ${code})` : detail ? `: ${detail}` : ''}`,
  };
}
