/** `npm run dist` (see build-packages.ts). */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPackages } from './build-packages';
import { projectElectronPackage } from './electron-binary';

process.exitCode = await buildPackages({
  root: join(dirname(fileURLToPath(import.meta.url)), '..', '..'),
  electron: projectElectronPackage(),
  env: process.env,
  args: process.argv.slice(2),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
