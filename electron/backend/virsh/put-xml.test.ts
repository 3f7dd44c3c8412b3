import { existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalTransport } from '../transport/local-transport';
import { putXml, XML_FILE } from './put-xml';

// The real virsh against a fresh test:///default driver in a one-off process.
describe('putXml', () => {
  it('hands the XML to virsh through a temp file, never the command line, and removes the file', async () => {
    const started = Date.now();
    const transport = new LocalTransport();
    const name = `vd 'quoted' $(touch vd-putxml-pwned) \`touch vd-putxml-pwned\` ünï`;
    const xml = `<pool type='dir'><name>${name.replace(/'/g, '&apos;')}</name><target><path>/tmp</path></target></pool>`;
    // libvirt accepted it (an error would reject) and the name stayed text, not commands.
    await putXml(transport, 'test:///default', ['pool-define', XML_FILE], xml);
    expect(existsSync('vd-putxml-pwned')).toBe(false);
    expect(
      readdirSync(tmpdir()).filter(
        (f) => f.startsWith('tmp.') && statSync(join(tmpdir(), f)).mtimeMs > started,
      ),
    ).toEqual([]);
  });

  it("quotes libvirt's own error for XML it refuses", async () => {
    const transport = new LocalTransport();
    await expect(
      putXml(transport, 'test:///default', ['pool-define', XML_FILE], '<pool type="nonsense"/>'),
    ).rejects.toMatchObject({ code: 'virsh-error', message: expect.stringMatching(/pool|type/i) });
  });
});
