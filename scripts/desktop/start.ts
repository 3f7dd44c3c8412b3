/** `npm start` (see start-desktop.ts). */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectElectronPackage } from './electron-binary';
import { startDesktop } from './start-desktop';

process.exitCode = await startDesktop({
  root: join(dirname(fileURLToPath(import.meta.url)), '..', '..'),
  electron: projectElectronPackage(),
  env: process.env,
  args: process.argv.slice(2),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
