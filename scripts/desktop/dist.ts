/** `npm run dist` (see build-packages.ts). */
import { buildPackages } from './build-packages';
import { runFromCli } from './desktop-command';

await runFromCli(buildPackages);
