/** `npm start` (see start-desktop.ts). */
import { runFromCli } from './desktop-command';
import { startDesktop } from './start-desktop';

await runFromCli(startDesktop);
