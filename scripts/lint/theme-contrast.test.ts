import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// WCAG 2.x AA for both themes of renderer/styles/theme.css: 4.5:1 for text (every pair the stylesheets draw), 3:1 for
// state colours and graphics (icons, focus ring) against the surfaces they sit on.

const css = readFileSync(fileURLToPath(new URL('../../renderer/styles/theme.css', import.meta.url)), 'utf8');

function tokens(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`theme.css has no ${selector}`);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries(
    [...body.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\b/gi)].map((m) => [m[1]!, m[2]!]),
  );
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const light = tokens(':root');
const themes = { light, dark: { ...light, ...tokens(":root[data-theme='dark']") } };

/** Text colour → the backgrounds it is drawn on somewhere in the stylesheets. */
const textPairs: Record<string, string[]> = {
  text: [
    'bg',
    'panel',
    'row-hover',
    'selected',
    'accent-soft',
    'subtle-bg',
    'field-bg',
    'host-row',
    'danger-soft',
  ],
  muted: ['bg', 'panel', 'row-hover', 'selected', 'subtle-bg', 'host-row'],
  danger: ['bg', 'panel', 'row-hover', 'host-row', 'danger-soft'],
  ok: ['bg', 'panel', 'row-hover', 'host-row'],
  warn: ['bg', 'panel', 'row-hover', 'host-row'],
  accent: ['bg', 'panel'],
  'on-accent': ['accent', 'accent-hover'],
  'on-danger': ['danger'],
  'note-text': ['note-bg'],
};
/** State colours (VM state icons, connection states, focus ring): graphics, 3:1. */
const stateColours = ['ok', 'warn', 'danger', 'state-off', 'accent'];
const surfaces = ['bg', 'panel', 'row-hover', 'selected'];

describe.each(Object.entries(themes))('the %s theme', (_name, theme) => {
  it('defines every token the light theme does', () => {
    expect(Object.keys(theme).sort()).toEqual(Object.keys(light).sort());
  });

  it('gives text at least 4.5:1 on every background it is drawn on', () => {
    const low = Object.entries(textPairs).flatMap(([fg, bgs]) =>
      bgs
        .map((bg) => ({ pair: `${fg} on ${bg}`, ratio: contrast(theme[fg]!, theme[bg]!) }))
        .filter((p) => !(p.ratio >= 4.5)),
    );
    expect(low).toEqual([]);
  });

  it('gives state colours at least 3:1 against the surfaces', () => {
    const low = stateColours.flatMap((fg) =>
      surfaces
        .map((bg) => ({ pair: `${fg} on ${bg}`, ratio: contrast(theme[fg]!, theme[bg]!) }))
        .filter((p) => !(p.ratio >= 3)),
    );
    expect(low).toEqual([]);
  });
});

describe('the contrast formula', () => {
  it('matches WCAG’s reference values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});
