/**
 * A stand-in for Electron's binary. No Electron binary can be downloaded on this machine or on CI
 * (Electron's download host is out of reach), so tests launch this script instead: it records how
 * it was launched — arguments, directory, and the title of the page it was told to show — and exits.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface StandInLaunch {
  argv: string[];
  cwd: string;
  rendererUrl: string | null;
  /** <title> of the page at ELECTRON_RENDERER_URL: what the window would show. */
  pageTitle: string | null;
}

/**
 * The stand-in's source: a Node script run by this very Node, whatever is on PATH. With `stayOpen`
 * it prints `stand-in window: <url>` and stays up like a window until SIGTERM.
 */
export function standInSource(recordFile: string, exitCode: number, stayOpen = false): string {
  return `#!${process.execPath}
// Stand-in for Electron (see scripts/desktop/testing/stand-in-electron.ts).
const { appendFileSync } = require('node:fs');
const rendererUrl = process.env.ELECTRON_RENDERER_URL || null;
(async () => {
  let pageTitle = null;
  if (rendererUrl) {
    const html = await (await fetch(rendererUrl)).text();
    pageTitle = (/<title>([^<]*)<\\/title>/.exec(html) || [])[1] || null;
  }
  const launch = { argv: process.argv.slice(2), cwd: process.cwd(), rendererUrl, pageTitle };
  appendFileSync(${JSON.stringify(recordFile)}, JSON.stringify(launch) + '\\n');
  if (!${stayOpen}) process.exit(${exitCode});
  console.log('stand-in window: ' + rendererUrl);
  process.on('SIGTERM', () => process.exit(${exitCode}));
  setInterval(() => {}, 1 << 30);
})();
`;
}

export function readLaunches(recordFile: string): StandInLaunch[] {
  if (!existsSync(recordFile)) return [];
  return readFileSync(recordFile, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as StandInLaunch);
}

/** A dist directory laid out like Electron's (`electron` and `version`), for ELECTRON_OVERRIDE_DIST_PATH. */
export function writeStandInDist(
  dir: string,
  version: string,
  recordFile: string,
  { exitCode = 0, stayOpen = false } = {},
): string {
  mkdirSync(dir, { recursive: true });
  const binary = join(dir, 'electron');
  writeFileSync(binary, standInSource(recordFile, exitCode, stayOpen));
  chmodSync(binary, 0o755);
  writeFileSync(join(dir, 'version'), `v${version}`);
  return binary;
}
