import { parseCapacity } from '../../../shared/storage/parse-capacity';
import type { JobContext } from '../jobs/job-manager';
import { parseKeyValues } from '../virsh/parse-list';
import type { VirshRunner } from '../virsh/virsh-runner';

const POLL_MS = 1000;

/** `domjobinfo` → bytes of memory (or data) done and in all, when libvirt says. */
export function parseDomJobInfo(output: string): { done: number; total: number } | undefined {
  const fields = parseKeyValues(output);
  for (const kind of ['Memory', 'Data']) {
    const done = fields.get(`${kind} processed`);
    const total = fields.get(`${kind} total`);
    if (!done || !total) continue;
    const d = parseCapacity(done.replace(/\s+/g, ' '));
    const t = parseCapacity(total.replace(/\s+/g, ' '));
    if (d.ok && t.ok) return { done: d.bytes, total: t.bytes };
  }
  return undefined;
}

/**
 * While a libvirt job of the domain runs (a snapshot with memory, a save, a migration), reads its
 * progress from `domjobinfo` about once a second — libvirt pushes no progress events — and reports it
 * to the VirtDesk job. Returns the stop function.
 */
export function followDomainJob(
  shell: VirshRunner,
  uuid: string,
  context: JobContext,
  phase: string,
): () => void {
  let stopped = false;
  const tick = async () => {
    if (stopped) return;
    try {
      const info = parseDomJobInfo(await shell.run(['domjobinfo', '--domain', uuid]));
      if (info && !stopped) context.progress(info.done, info.total, phase);
    } catch {
      // The job ended between two reads, or the domain went: nothing to report.
    }
    if (!stopped) timer = setTimeout(() => void tick(), POLL_MS);
  };
  let timer = setTimeout(() => void tick(), POLL_MS);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
