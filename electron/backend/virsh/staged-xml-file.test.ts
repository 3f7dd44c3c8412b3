import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LocalTransport } from '../transport/local-transport';
import { XmlFileStager } from './staged-xml-file';

// The real writer script in a local shell (the same script runs on an SSH host).
describe('XmlFileStager', () => {
  it('writes each XML into a 0600 temp file on one channel and removes it on release', async () => {
    const stager = new XmlFileStager(new LocalTransport());
    const xml = `<domain><name>ünï 'q' $(touch vd-dt-pwned)</name>\n</domain>\n`;
    const first = await stager.stage(xml);
    expect(readFileSync(first.path, 'utf8')).toBe(xml);
    expect(statSync(first.path).mode & 0o777).toBe(0o600);
    // The second waits for the first's release, then gets its own file.
    const second = stager.stage('<pool/>');
    first.release();
    const file = await second;
    expect(readFileSync(file.path, 'utf8')).toBe('<pool/>');
    await expect.poll(() => existsSync(first.path)).toBe(false);
    file.release();
    await expect.poll(() => existsSync(file.path)).toBe(false);
    expect(existsSync('vd-dt-pwned')).toBe(false);
    stager.close();
  });

  it('opens a new writer after the old one closed', async () => {
    const stager = new XmlFileStager(new LocalTransport());
    const a = await stager.stage('<a/>');
    a.release();
    stager.close();
    const b = await stager.stage('<b/>');
    expect(readFileSync(b.path, 'utf8')).toBe('<b/>');
    b.release();
    stager.close();
  });
});
