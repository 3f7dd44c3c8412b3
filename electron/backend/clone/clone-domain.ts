import type { ParsedRequest } from '../../../shared/api/contract';
import type { CloneDiskPlan } from '../../../shared/api/domain-clone';
import type { DomainSummary } from '../../../shared/api/domains';
import { ApiError } from '../../../shared/api/errors';
import { parseDomainXml, serializeDomainXml } from '../../../shared/xml';
import { cloneDomainXml, type CloneDiskChange } from '../../../shared/xml/build/clone-domain';
import type { LiveHost } from '../hosts/host-connection';
import { longRunner } from '../hosts/host-session';
import type { JobContext, JobManager } from '../jobs/job-manager';
import { parseKeyValues } from '../virsh/parse-list';
import { putXmlOn, XML_FILE } from '../virsh/put-xml';
import { checkNameFree, checkVolumeName } from '../storage/volumes/volume-checks';
import { readVolumeXml } from '../storage/volumes/volume-reader';
import { removePartialVolume } from '../storage/volumes/remove-volume';
import { readClonePlan } from './clone-plan';

const POLL_MS = 1000;

interface VolumeCopy {
  target: string;
  pool: string;
  source: string;
  name: string;
  bytes: number;
}

/** Every check before anything is created; each refusal says why. Returns the copies to make. */
async function checkClone(
  host: LiveHost,
  domain: DomainSummary,
  others: readonly DomainSummary[],
  request: ParsedRequest<'domains/clone'>,
): Promise<{ plan: CloneDiskPlan[]; copies: VolumeCopy[]; changes: Map<string, CloneDiskChange> }> {
  const refuse = (message: string): never => {
    throw new ApiError('invalid-request', message);
  };
  if (domain.state !== 'shut off' && domain.state !== 'paused')
    refuse(`Shut down or pause ${domain.name} first: its disks must not change while they are copied.`);
  if (request.name === domain.name || others.some((d) => d.name === request.name))
    refuse(`A VM named “${request.name}” already exists on this host.`);
  const { disks: plan } = await readClonePlan(host.shell, domain, others);
  const chosen = new Map(request.disks.map((d) => [d.target, d]));
  for (const target of chosen.keys())
    if (!plan.some((d) => d.target === target)) refuse(`${domain.name} has no disk ${target}.`);
  const copies: VolumeCopy[] = [];
  const changes = new Map<string, CloneDiskChange>();
  for (const disk of plan) {
    const choice = chosen.get(disk.target);
    const mode = choice?.mode ?? disk.suggested;
    if (mode !== 'clone') {
      changes.set(disk.target, { mode });
      continue;
    }
    if (disk.notCloneable || !disk.pool || !disk.volume)
      refuse(`${disk.target} cannot be cloned: ${disk.notCloneable}.`);
    const name = choice?.newVolume ?? disk.suggestedVolume ?? '';
    checkVolumeName(name);
    if (copies.some((c) => c.pool === disk.pool && c.name === name))
      refuse(`Two disks cannot both be cloned into the volume “${name}”.`);
    copies.push({ target: disk.target, pool: disk.pool!, source: disk.volume!, name, bytes: 0 });
  }
  for (const copy of copies) {
    await checkNameFree(host.shell, copy.pool, copy.name);
    const source = await readVolumeXml(host.shell, copy.pool, copy.source);
    copy.bytes = source.allocation ?? source.capacity ?? 0;
  }
  return { plan, copies, changes };
}

/** The new volume's allocation while libvirt copies into it (no progress events exist for this). */
function followCopy(host: LiveHost, copy: VolumeCopy, report: (bytes: number) => void): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout;
  const tick = async () => {
    try {
      const info = parseKeyValues(
        await host.shell.run(['vol-info', '--pool', copy.pool, copy.name, '--bytes']),
      );
      const bytes = Number.parseInt(info.get('Allocation') ?? '', 10);
      if (!stopped && Number.isFinite(bytes)) report(Math.min(bytes, copy.bytes));
    } catch {
      // Not there yet, or still being allocated.
    }
    if (!stopped) timer = setTimeout(() => void tick(), POLL_MS);
  };
  timer = setTimeout(() => void tick(), POLL_MS);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

async function copyVolumes(
  host: LiveHost,
  copies: readonly VolumeCopy[],
  context: JobContext,
  created: VolumeCopy[],
): Promise<Map<string, string>> {
  const total = copies.reduce((sum, c) => sum + c.bytes, 0);
  const paths = new Map<string, string>();
  let done = 0;
  for (const [i, copy] of copies.entries()) {
    if (context.signal.aborted) throw new ApiError('cancelled', 'Clone cancelled');
    const phase = `Copying ${copy.target} (${i + 1} of ${copies.length})`;
    context.progress(done, total, phase);
    const stop = followCopy(host, copy, (bytes) => context.progress(done + bytes, total, phase));
    try {
      // libvirt cannot stop a volume copy once begun: Cancel takes effect when this one ends. A
      // failed vol-clone leaves no volume (libvirt removes it), so only finished copies are ours.
      await longRunner(host).run(['vol-clone', '--pool', copy.pool, copy.source, copy.name]);
      created.push(copy);
    } finally {
      stop();
    }
    done += copy.bytes;
    context.progress(done, total, phase);
    paths.set(copy.target, (await host.shell.run(['vol-path', '--pool', copy.pool, copy.name])).trim());
  }
  return paths;
}

/**
 * Clones a shut-off or paused VM as a job: copies the chosen disks into new volumes (`vol-clone`,
 * progress from the new volume's allocation), then defines the clone from the source's inactive XML
 * with a new name, no UUID (libvirt makes one), new MACs, the new disk paths and its own NVRAM.
 * Cancel or any failure removes the volumes made so far; nothing is defined until they all exist.
 */
export async function cloneDomain(
  host: LiveHost,
  jobs: JobManager,
  domain: DomainSummary,
  others: readonly DomainSummary[],
  request: ParsedRequest<'domains/clone'>,
): Promise<{ message: string; uuid: string }> {
  const { copies, changes } = await checkClone(host, domain, others, request);
  const sourceXml = await host.shell.run([
    'dumpxml',
    '--inactive',
    '--security-info',
    '--domain',
    domain.uuid,
  ]);
  const { finished } = jobs.start<string>({
    hostId: host.hostId,
    kind: 'domain-clone',
    title: `Clone ${domain.name} to ${request.name}`,
    phase: copies.length > 0 ? 'Copying disks' : 'Defining',
    cancellable: true,
    run: async (context) => {
      const created: VolumeCopy[] = [];
      try {
        const paths = await copyVolumes(host, copies, context, created);
        if (context.signal.aborted) throw new ApiError('cancelled', 'Clone cancelled');
        for (const [target, path] of paths) changes.set(target, { mode: 'clone', path });
        const doc = parseDomainXml(sourceXml);
        cloneDomainXml(doc, request.name, changes);
        context.progress(1, 1, 'Defining');
        await putXmlOn(host, ['define', XML_FILE], serializeDomainXml(doc));
        const uuid = (await host.shell.run(['domuuid', '--domain', request.name])).trim();
        return { message: `${domain.name} cloned to ${request.name}`, result: uuid };
      } catch (error) {
        for (const copy of created.reverse())
          await removePartialVolume(host.shell, copy.pool, copy.name).catch(() => undefined);
        throw error;
      }
    },
  });
  const outcome = await finished;
  return { message: outcome.message, uuid: outcome.result ?? '' };
}
