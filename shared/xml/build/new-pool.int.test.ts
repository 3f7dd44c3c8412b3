import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalTransport } from '../../../electron/backend/transport/local-transport';
import { VirshShell } from '../../../electron/backend/virsh/virsh-shell';
import { newPoolXml } from './new-pool';
import { POOL_SPECS } from './pool-specs.fixture';

// libvirt's test driver keeps its state inside one virsh process: one persistent shell defines,
// starts and reads back every pool type (types that need root on a real host included).
describe('new pool XML on libvirt’s test driver', () => {
  let shell: VirshShell;
  const dir = mkdtempSync(join(tmpdir(), 'vd-pool-xml-'));

  beforeAll(async () => {
    shell = await VirshShell.open(new LocalTransport(), 'test:///default');
  });
  afterAll(() => {
    shell.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(POOL_SPECS.map((s) => [`${s.type} ${s.name}`, s] as const))(
    '%s defines and starts',
    async (_l, spec) => {
      const file = join(dir, `${spec.name}.xml`);
      writeFileSync(file, newPoolXml(spec), { mode: 0o600 });
      await shell.run(['pool-define', file]);
      await shell.run(['pool-start', spec.name]);
      const info = await shell.run(['pool-info', spec.name]);
      expect(info).toMatch(/State:\s+running/);
      const xml = await shell.run(['pool-dumpxml', spec.name]);
      expect(xml).toContain(`<pool type='${spec.type}'>`);
      await shell.run(['pool-destroy', spec.name]);
      await shell.run(['pool-undefine', spec.name]);
    },
  );
});
