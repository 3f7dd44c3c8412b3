import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

// The icons electron-builder.yml gives each platform, at the sizes electron-builder wants; it trusts
// a Linux icon's file name for its size, so a wrong name means a blurry or missing icon.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function pngSize(path: string): { width: number; height: number } {
  const png = readFileSync(path);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function icoSizes(path: string): number[] {
  const ico = readFileSync(path);
  expect(ico.readUInt16LE(2)).toBe(1); // an icon, not a cursor
  return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + 16 * i] || 256);
}

it('electron-builder.yml names one icon per platform', () => {
  const config = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
  const icons = [...config.matchAll(/^ {2}icon: (\S+)$/gm)].map(([, path]) => path);
  expect(icons).toEqual(['assets/icons', 'assets/icon.png', 'assets/icon.ico']);
});

it('Linux: a set of NxN.png files, each the size its name says, 16 to 512 px', () => {
  const dir = join(root, 'assets', 'icons');
  const sizes = readdirSync(dir).map((file) => {
    const [, width, height] = /^(\d+)x(\d+)\.png$/.exec(file) ?? [];
    expect(pngSize(join(dir, file)), file).toEqual({ width: Number(width), height: Number(height) });
    return Number(width);
  });
  expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 64, 128, 256, 512]));
});

it('macOS: a square PNG of at least 512 px, for electron-builder to turn into .icns', () => {
  const { width, height } = pngSize(join(root, 'assets', 'icon.png'));
  expect(width).toBe(height);
  expect(width).toBeGreaterThanOrEqual(512);
});

it('Windows: an .ico from 16 to 256 px', () => {
  expect(icoSizes(join(root, 'assets', 'icon.ico'))).toEqual(expect.arrayContaining([16, 32, 48, 256]));
});
