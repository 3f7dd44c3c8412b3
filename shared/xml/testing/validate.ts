// Test-only: validate XML with libvirt's own RNG schemas through `virt-xml-validate`
// (Debian's libvirt-clients; it needs xmllint from libxml2-utils). Never import from app code.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type SchemaName = 'domain' | 'network' | 'storagepool' | 'storagevol' | 'domainsnapshot';

export interface Validation {
  ok: boolean;
  output: string;
}

/** Run virt-xml-validate on `xml`; throws if the tool itself is missing. */
export function validateXml(xml: string, schema: SchemaName): Validation {
  const dir = mkdtempSync(join(tmpdir(), 'virtdesk-xml-'));
  const file = join(dir, `${schema}.xml`);
  try {
    writeFileSync(file, xml);
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
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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

/** Output of a virsh command against the test driver (`virsh -c test:///default …`). */
export function virshTest(...args: string[]): string {
  return execFileSync('virsh', ['-c', 'test:///default', ...args], { encoding: 'utf8' });
}
