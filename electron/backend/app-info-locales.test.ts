import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { systemLanguage } from '../../shared/locale/system-language';
import { osLocales } from '../os-locales';
import { createBackend, type Backend } from './create-backend';

// The desktop path without Electron (none here): what main.ts hands createBackend — osLocales(app)
// with a stand-in app — reaches the renderer through app/info, validated by the contract.
let backend: Backend | undefined;
afterEach(() => backend?.dispose());

async function info(locales?: string[]): Promise<{ locales?: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'vd-i18-locales-'));
  backend = await createBackend({
    dataDir: join(dir, 'data'),
    homeDir: dir,
    log: () => undefined,
    ...(locales ? { locales } : {}),
  });
  const result = await backend.dispatch('app/info', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.response as { locales?: string[] };
}

describe('app/info carries the OS locales (issue 15)', () => {
  it('passes the desktop’s list, and the renderer picks Simplified Chinese from it', async () => {
    const app = { getPreferredSystemLanguages: () => ['zh-Hans-CN', 'en-US'], getLocale: () => 'zh-CN' };
    const reported = await info(osLocales(app));
    expect(reported.locales).toEqual(['zh-Hans-CN', 'en-US', 'zh-CN']);
    expect(systemLanguage(reported.locales ?? [])).toBe('zh-CN');
  });

  it('says nothing in serve mode, so the renderer reads the browser’s languages', async () => {
    expect((await info()).locales).toBeUndefined();
  });
});
