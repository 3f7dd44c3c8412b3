// Benchmark of the lossless XML model: parse + serialize of a 100-device domain and of 1,000
// typical domains, per-document time and retained memory, beside fast-xml-parser's plain
// (non-ordered, lossy) parse + build as a baseline in the same run. Prints figures; never fails.
//   npx tsx bench/xml-bench.ts            (add --expose-gc to node for steadier memory figures)
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import {
  addNewDevice,
  buildNewDomain,
  GiB,
  listDevices,
  parseDomainXml,
  serializeDomainXml,
} from '../shared/xml/index';

const fixture = (name: string): string =>
  readFileSync(new URL(`../shared/xml/fixtures/${name}`, import.meta.url), 'utf8');

function bigDomain(): string {
  const doc = buildNewDomain(
    { name: 'big', memoryBytes: 16 * GiB, vcpus: 16, nics: [{ type: 'network' }] },
    () => 0.1,
  );
  for (let i = 0; i < 15; i++)
    addNewDevice(doc, 'interface', { type: 'bridge', sourceBridge: `br${i}`, model: 'virtio' });
  for (let n = 0; listDevices(doc).length < 100; n++) {
    addNewDevice(doc, 'disk', {
      type: 'file',
      device: 'disk',
      driverName: 'qemu',
      format: 'qcow2',
      sourceFile: `/img/d${n}.qcow2`,
    });
  }
  return serializeDomainXml(doc);
}

function typicalDomains(count: number): string[] {
  const bases = [fixture('csr1kv-1.xml'), fixture('kitchen-sink.xml'), fixture('test-driver-domain.xml')];
  const wizard = serializeDomainXml(
    buildNewDomain({
      name: 'typical',
      memoryBytes: 4 * GiB,
      vcpus: 2,
      disks: [{ source: { file: '/a.qcow2' } }],
      nics: [{ type: 'network' }],
    }),
  );
  bases.push(wizard);
  return Array.from({ length: count }, (_, i) =>
    bases[i % bases.length]!.replace(/<name>[^<]*<\/name>/, `<name>vm-${i}</name>`),
  );
}

const plainParser = new XMLParser({ ignoreAttributes: false });
const plainBuilder = new XMLBuilder({ ignoreAttributes: false });

interface Result {
  perDocMs: number;
  perDocKiB: number;
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

function measure(docs: string[], rounds: number, roundTrip: (xml: string) => unknown): Result {
  for (const d of docs.slice(0, 50)) roundTrip(d); // warm up
  const start = performance.now();
  for (let r = 0; r < rounds; r++) for (const d of docs) roundTrip(d);
  const perDocMs = (performance.now() - start) / (rounds * docs.length);
  // Retained memory: keep at least 500 results alive and divide.
  const sample = Array.from({ length: Math.max(docs.length, 500) }, (_, i) => docs[i % docs.length]!);
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = sample.map((d) => roundTrip(d));
  const perDocKiB = (process.memoryUsage().heapUsed - before) / sample.length / 1024;
  if (kept.length !== sample.length) throw new Error('unreachable');
  return { perDocMs, perDocKiB };
}

function row(label: string, docs: string[], rounds: number): void {
  const ours = measure(docs, rounds, (x) => {
    const doc = parseDomainXml(x);
    serializeDomainXml(doc);
    return doc;
  });
  const oursParse = measure(docs, rounds, (x) => parseDomainXml(x));
  const baseline = measure(docs, rounds, (x) => {
    const obj: unknown = plainParser.parse(x);
    plainBuilder.build(obj);
    return obj;
  });
  const size = docs.reduce((s, d) => s + d.length, 0) / docs.length;
  const f = (n: number): string => n.toFixed(3).padStart(8);
  console.log(`\n${label} (${docs.length} doc(s), avg ${(size / 1024).toFixed(1)} KiB, ${rounds} round(s))`);
  console.log('                                         ms/doc   retained KiB/doc');
  console.log(`  VirtDesk lossless parse + serialize  ${f(ours.perDocMs)}   ${f(ours.perDocKiB)}`);
  console.log(`  VirtDesk lossless parse only         ${f(oursParse.perDocMs)}   ${f(oursParse.perDocKiB)}`);
  console.log(
    `  fast-xml-parser plain parse + build  ${f(baseline.perDocMs)}   ${f(baseline.perDocKiB)}   (baseline, lossy)`,
  );
}

export async function runXmlBench(): Promise<void> {
  console.log('XML model benchmark (target: < 1 ms per typical domain)');
  if (!(globalThis as { gc?: unknown }).gc) console.log('(no --expose-gc: memory figures are approximate)');
  const big = bigDomain();
  const devices = listDevices(parseDomainXml(big)).length;
  row(`A ${devices}-device domain`, [big], 300);
  row('1,000 typical domains', typicalDomains(1000), 5);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runXmlBench();
}
