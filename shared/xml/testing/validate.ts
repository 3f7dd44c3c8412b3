// Test-only: validate XML with libvirt's own RNG schemas through `virt-xml-validate`
// (Debian's libvirt-clients; it needs xmllint from libxml2-utils). Never import from app code.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type SchemaName = 'domain' | 'network' | 'storagepool' | 'storagevol' | 'domainsnapshot';

export interface Validation {
  ok: boolean;
  output: string;
}

/** Call `use` with the path of a temporary file holding `text`; the file is gone afterwards. */
function withTempFile<T>(name: string, text: string, use: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'virtdesk-xml-'));
  const file = join(dir, name);
  try {
    writeFileSync(file, text);
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Run virt-xml-validate on `xml`; throws if the tool itself is missing. */
export function validateXml(xml: string, schema: SchemaName): Validation {
  return withTempFile(`${schema}.xml`, xml, (file) => {
    try {
      const out = execFileSync('virt-xml-validate', [file, schema], { encoding: 'utf8', stdio: 'pipe' });
      return { ok: true, output: out };
    } catch (err) {
      const e = err as { status?: number; stdout?: string; stderr?: string; code?: string };
      const output = `${e.stdout ?? ''}${e.stderr ?? ''}`;
      if (e.code === 'ENOENT')
        throw new Error('virt-xml-validate not found: apt-get install libvirt-clients');
      if (/xmllint: not found/.test(output))
        throw new Error('virt-xml-validate needs xmllint: apt-get install libxml2-utils');
      return { ok: false, output };
    }
  });
}

/** Throw with libvirt's complaint unless `xml` validates. */
export function expectValid(xml: string, schema: SchemaName): void {
  const result = validateXml(xml, schema);
  if (!result.ok) throw new Error(`XML does not validate against ${schema}.rng:\n${result.output}\n${xml}`);
}

const FIXTURES = new URL('../fixtures/', import.meta.url);

export function fixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

/** Every XML fixture, named as `fixture()` takes them (`libvirt/…` for libvirt's own test data). */
export function fixtureNames(): string[] {
  const names = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' });
  return names.filter((n) => n.endsWith('.xml')).sort();
}

/** Output of a virsh command against the test driver (`virsh -c test:///default …`). */
export function virshTest(...args: string[]): string {
  return execFileSync('virsh', ['-c', 'test:///default', ...args], { encoding: 'utf8' });
}

/**
 * `xml` as libvirt itself reads and writes it back: defined in the test driver (as a `test` domain)
 * and dumped again, all in one virsh session.
 */
export function libvirtRoundTrip(xml: string): string {
  const name = /<name>([^<]+)<\/name>/.exec(xml)?.[1];
  if (!name || !/^[\w.-]+$/.test(name))
    throw new Error(`libvirtRoundTrip needs a plain domain name, not '${name}'`);
  const asTest = xml.replace(/<domain type=(['"])\w+\1/, "<domain type='test'");
  return withTempFile('domain.xml', asTest, (file) =>
    virshTest('-q', `define ${file}; dumpxml --inactive --security-info ${name}`).replace(/^\s+/, ''),
  );
}
