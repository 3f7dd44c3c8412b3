import { Readable } from 'node:stream';
import type { SeedTool } from '../../../shared/api/cloud-init';
import { SeedTool as SeedTools } from '../../../shared/api/cloud-init';
import { serializeVolumeXml } from '../../../shared/xml';
import { buildNewVolume } from '../../../shared/xml/build/new-volume';
import type { LiveHost } from '../hosts/host-connection';
import { longRunner } from '../hosts/host-session';
import type { Transport } from '../transport/transport';
import type { JobContext } from '../jobs/job-manager';
import { streamIntoVolume } from '../storage/volumes/volume-stream-job';
import { putXml, XML_FILE } from '../virsh/put-xml';
import { script, words } from '../virsh/quote';
import { runHostScript } from './host-command';
import { writeIso9660 } from './iso9660-writer';
import type { SeedFile } from './seed-files';

export const SEED_LABEL = 'cidata';

/** The first seed tool the host has (cloud-localds, xorriso, genisoimage; or just `only`), or null. */
export async function detectSeedTool(transport: Transport, only?: SeedTool): Promise<SeedTool | null> {
  const tools = only ? [only] : SeedTools.options;
  const found = await runHostScript(
    transport,
    script`for t in ${words(tools)}; do command -v "$t" >/dev/null 2>&1 && echo "$t"; done; true`,
    'Looking for a seed tool',
  );
  const have = new Set(found.split('\n').map((l) => l.trim()));
  return tools.find((t) => have.has(t)) ?? null;
}

/** The command that builds `iso` labelled cidata from the files in `dir` (named user-data, …). */
function toolCommand(tool: SeedTool, dir: string, iso: string, files: readonly SeedFile[]): string[] {
  const net = files.some((f) => f.name === 'network-config');
  if (tool === 'cloud-localds')
    return [
      'cloud-localds',
      ...(net ? [`--network-config=${dir}/network-config`] : []),
      iso,
      `${dir}/user-data`,
      `${dir}/meta-data`,
    ];
  const mkisofs = tool === 'xorriso' ? ['xorriso', '-as', 'mkisofs'] : ['genisoimage'];
  return [...mkisofs, '-quiet', '-output', iso, '-volid', SEED_LABEL, '-joliet', '-rock', dir];
}

export interface SeedTarget {
  pool: string;
  name: string;
  /** Called once the (still empty) volume exists, so a failure after it removes it. */
  created(): void;
}

const emptyVolume = (name: string, bytes: number) =>
  serializeVolumeXml(buildNewVolume({ name, format: 'raw', capacityBytes: bytes, allocateNow: false }));

/**
 * The seed as a volume: VirtDesk writes the ISO itself and streams it in with the upload job's
 * machinery (vol-upload on its own channel, progress, cancel).
 */
export async function ownSeedVolume(
  host: LiveHost,
  target: SeedTarget,
  files: readonly SeedFile[],
  context: JobContext,
): Promise<void> {
  const iso = writeIso9660(
    SEED_LABEL,
    files.map((f) => ({ name: f.name, data: Buffer.from(f.text, 'utf8') })),
  );
  await putXml(
    host.transport,
    host.uri,
    ['vol-create', '--pool', target.pool, XML_FILE],
    emptyVolume(target.name, iso.length),
  );
  target.created();
  await streamIntoVolume(
    host,
    { pool: target.pool, name: target.name, size: iso.length },
    chunks(iso),
    context,
  );
}

/**
 * The seed built on the host by `tool` in a private temp directory (mktemp -d, 0700: the user-data
 * holds the password hash), uploaded into the volume from there, the directory removed whatever happens.
 */
export async function hostSeedVolume(
  host: LiveHost,
  target: SeedTarget,
  files: readonly SeedFile[],
  tool: SeedTool,
): Promise<void> {
  const t = host.transport;
  const dir = (
    await runHostScript(t, script`umask 077; d=$(mktemp -d) && printf %s "$d"`, 'Making a temp directory')
  ).trim();
  if (!dir.startsWith('/')) throw new Error(`mktemp gave "${dir}"`);
  try {
    const files_ = `${dir}/files`;
    await runHostScript(t, words(['mkdir', files_]), 'Making a temp directory');
    for (const file of files)
      await runHostScript(
        t,
        script`cat > ${words([`${files_}/${file.name}`])}`,
        `Writing ${file.name}`,
        file.text,
      );
    const iso = `${dir}/seed.iso`;
    await runHostScript(t, words(toolCommand(tool, files_, iso, files)), `Building the seed with ${tool}`);
    const size = Number(
      (await runHostScript(t, words(['stat', '-c', '%s', iso]), 'Reading the seed')).trim(),
    );
    await putXml(
      t,
      host.uri,
      ['vol-create', '--pool', target.pool, XML_FILE],
      emptyVolume(target.name, size),
    );
    target.created();
    await longRunner(host).run(['vol-upload', '--pool', target.pool, target.name, iso]);
  } finally {
    await runHostScript(t, words(['rm', '-rf', '--', dir]), 'Removing the temp directory').catch(
      () => undefined,
    );
  }
}

/** The image in 64 KiB pieces, so the upload's progress and backpressure work as for a file. */
function chunks(image: Buffer): Readable {
  const size = 64 * 1024;
  return Readable.from(
    Array.from({ length: Math.ceil(image.length / size) }, (_, i) =>
      image.subarray(i * size, (i + 1) * size),
    ),
  );
}
