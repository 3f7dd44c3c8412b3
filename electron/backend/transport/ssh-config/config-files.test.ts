import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configErrors, readConfigFile } from './config-files';
import { tempHome } from './testing/temp-config';

describe('reading ssh config files', () => {
  it('refuses an included file others may write to, as ssh does', async () => {
    const home = tempHome({
      '.ssh/config': 'Include shared.conf\n',
      '.ssh/shared.conf': 'Host x\n  User y\n',
    });
    chmodSync(join(home, '.ssh/shared.conf'), 0o666);
    const config = await readConfigFile(join(home, '.ssh/config'), home);
    expect(configErrors(config)).toEqual([
      {
        file: join(home, '.ssh/shared.conf'),
        line: 0,
        message: 'bad owner or permissions (ssh refuses this file)',
      },
    ]);
  });

  it('stops a file that includes itself after 16 levels instead of looping', async () => {
    const home = tempHome({ '.ssh/config': 'Include config\nHost x\n' });
    const config = await readConfigFile(join(home, '.ssh/config'), home);
    expect(configErrors(config)).toEqual([
      { file: join(home, '.ssh/config'), line: 0, message: 'too many nested Include levels' },
    ]);
  });

  it('reads a missing configuration as an empty one', async () => {
    const home = tempHome({});
    const config = await readConfigFile(join(home, '.ssh/config'), home);
    expect(config.directives).toEqual([]);
    expect(configErrors(config)).toEqual([]);
  });

  it('reports a line with open quotes or no value, with its number', async () => {
    const home = tempHome({ '.ssh/config': 'Host x\n  User "a b\n  Port\n  HostName ok\n' });
    const config = await readConfigFile(join(home, '.ssh/config'), home);
    expect(configErrors(config).map((e) => [e.line, e.message])).toEqual([
      [2, 'invalid quotes'],
      [3, 'no argument after keyword "Port"'],
    ]);
    expect(config.directives.map((d) => d.keyword)).toEqual(['host', 'hostname']);
  });
});
