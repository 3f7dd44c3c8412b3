/**
 * Keys the console can send, named by DOM `code`, with what each protocol needs: the X11 keysym
 * (VNC) and the PC/XT scancode (SPICE; `ext` = 0xE0-prefixed). US layout for typed text.
 */
export interface KeyDef {
  keysym: number;
  scancode: number;
  ext?: boolean;
}

const KEYS: Record<string, KeyDef> = {
  ControlLeft: { keysym: 0xffe3, scancode: 0x1d },
  AltLeft: { keysym: 0xffe9, scancode: 0x38 },
  ShiftLeft: { keysym: 0xffe1, scancode: 0x2a },
  MetaLeft: { keysym: 0xffeb, scancode: 0x5b, ext: true },
  Delete: { keysym: 0xffff, scancode: 0x53, ext: true },
  Backspace: { keysym: 0xff08, scancode: 0x0e },
  Tab: { keysym: 0xff09, scancode: 0x0f },
  Enter: { keysym: 0xff0d, scancode: 0x1c },
  Escape: { keysym: 0xff1b, scancode: 0x01 },
  Space: { keysym: 0x20, scancode: 0x39 },
  PrintScreen: { keysym: 0xff61, scancode: 0x37, ext: true },
  Insert: { keysym: 0xff63, scancode: 0x52, ext: true },
  Home: { keysym: 0xff50, scancode: 0x47, ext: true },
  End: { keysym: 0xff57, scancode: 0x4f, ext: true },
  PageUp: { keysym: 0xff55, scancode: 0x49, ext: true },
  PageDown: { keysym: 0xff56, scancode: 0x51, ext: true },
  ArrowUp: { keysym: 0xff52, scancode: 0x48, ext: true },
  ArrowDown: { keysym: 0xff54, scancode: 0x50, ext: true },
  ArrowLeft: { keysym: 0xff51, scancode: 0x4b, ext: true },
  ArrowRight: { keysym: 0xff53, scancode: 0x4d, ext: true },
};
const F_SCANCODES = [0x3b, 0x3c, 0x3d, 0x3e, 0x3f, 0x40, 0x41, 0x42, 0x43, 0x44, 0x57, 0x58];
F_SCANCODES.forEach((scancode, i) => (KEYS[`F${i + 1}`] = { keysym: 0xffbe + i, scancode }));

// US layout rows: unshifted, shifted, first scancode.
const ROWS: Array<[string, string, number]> = [
  ['1234567890-=', '!@#$%^&*()_+', 0x02],
  ['qwertyuiop[]', 'QWERTYUIOP{}', 0x10],
  ["asdfghjkl;'`", 'ASDFGHJKL:"~', 0x1e],
  ['\\zxcvbnm,./', '|ZXCVBNM<>?', 0x2b],
];
const CHARS = new Map<string, { code: string; shift: boolean }>();
for (const [plain, shifted, first] of ROWS) {
  [...plain].forEach((ch, i) => {
    const code = `Char${ch}`;
    KEYS[code] = { keysym: ch.charCodeAt(0), scancode: first + i };
    CHARS.set(ch, { code, shift: false });
    CHARS.set(shifted[i]!, { code, shift: true });
  });
}
CHARS.set(' ', { code: 'Space', shift: false });
CHARS.set('\n', { code: 'Enter', shift: false });
CHARS.set('\t', { code: 'Tab', shift: false });

export function keyDef(code: string): KeyDef | undefined {
  return KEYS[code];
}

/** The combinations of the Send key menu, by label. */
export const SEND_KEY_COMBOS: Array<{ label: string; codes: string[] }> = [
  { label: 'Ctrl+Alt+Del', codes: ['ControlLeft', 'AltLeft', 'Delete'] },
  { label: 'Ctrl+Alt+Backspace', codes: ['ControlLeft', 'AltLeft', 'Backspace'] },
  ...Array.from({ length: 12 }, (_, i) => ({
    label: `Ctrl+Alt+F${i + 1}`,
    codes: ['ControlLeft', 'AltLeft', `F${i + 1}`],
  })),
  { label: 'PrintScreen', codes: ['PrintScreen'] },
];

const NAMES: Record<string, string> = {
  ctrl: 'ControlLeft',
  control: 'ControlLeft',
  alt: 'AltLeft',
  shift: 'ShiftLeft',
  super: 'MetaLeft',
  win: 'MetaLeft',
  meta: 'MetaLeft',
  del: 'Delete',
  delete: 'Delete',
  backspace: 'Backspace',
  tab: 'Tab',
  enter: 'Enter',
  return: 'Enter',
  esc: 'Escape',
  escape: 'Escape',
  space: 'Space',
  print: 'PrintScreen',
  printscreen: 'PrintScreen',
  insert: 'Insert',
  home: 'Home',
  end: 'End',
  pageup: 'PageUp',
  pagedown: 'PageDown',
  up: 'ArrowUp',
  down: 'ArrowDown',
  left: 'ArrowLeft',
  right: 'ArrowRight',
};

/** "Ctrl+Alt+F7", "Shift+a" → key codes, or undefined if a part is unknown. */
export function parseCombo(text: string): string[] | undefined {
  const parts = text
    .split('+')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return undefined;
  const codes: string[] = [];
  for (const part of parts) {
    const lower = part.toLowerCase();
    const code =
      NAMES[lower] ??
      (/^f([1-9]|1[0-2])$/.test(lower) ? part.toUpperCase() : undefined) ??
      (part.length === 1 && CHARS.get(lower)?.shift === false ? CHARS.get(lower)!.code : undefined);
    if (!code) return undefined;
    codes.push(code);
  }
  return codes;
}

/** Text → key strokes (each a combination pressed and released); unknown characters are skipped. */
export function textToStrokes(text: string): string[][] {
  const strokes: string[][] = [];
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    const c = CHARS.get(ch);
    if (c) strokes.push(c.shift ? ['ShiftLeft', c.code] : [c.code]);
  }
  return strokes;
}

/** SPICE key codes for a press or release (0xE0-prefixed keys in the low byte, release bit 0x80). */
export function spiceKeyCode(def: KeyDef, down: boolean): number {
  const scan = down ? def.scancode : def.scancode | 0x80;
  return def.ext ? (scan << 8) | 0xe0 : scan;
}
