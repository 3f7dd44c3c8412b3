import { describe, expect, it } from 'vitest';
import { keyDef, parseCombo, SEND_KEY_COMBOS, spiceKeyCode, textToStrokes } from './key-combos';

describe('key combinations', () => {
  it('offers the virt-manager send-key set', () => {
    expect(SEND_KEY_COMBOS.map((c) => c.label)).toEqual(
      expect.arrayContaining([
        'Ctrl+Alt+Del',
        'Ctrl+Alt+Backspace',
        'Ctrl+Alt+F1',
        'Ctrl+Alt+F12',
        'PrintScreen',
      ]),
    );
    for (const combo of SEND_KEY_COMBOS) for (const code of combo.codes) expect(keyDef(code)).toBeDefined();
  });

  it('parses custom combinations and refuses unknown keys', () => {
    expect(parseCombo('Ctrl+Alt+F7')).toEqual(['ControlLeft', 'AltLeft', 'F7']);
    expect(parseCombo('super + l')).toEqual(['MetaLeft', 'Charl']);
    expect(parseCombo('Ctrl+Hyper')).toBeUndefined();
    expect(parseCombo('')).toBeUndefined();
  });

  it('types text with Shift where the US layout needs it', () => {
    expect(textToStrokes('Hi!\n')).toEqual([
      ['ShiftLeft', 'Charh'],
      ['Chari'],
      ['ShiftLeft', 'Char1'],
      ['Enter'],
    ]);
  });

  it('encodes SPICE scancodes, extended keys in the low byte', () => {
    expect(spiceKeyCode(keyDef('AltLeft')!, true)).toBe(0x38);
    expect(spiceKeyCode(keyDef('AltLeft')!, false)).toBe(0xb8);
    expect(spiceKeyCode(keyDef('Delete')!, true)).toBe(0x53e0);
    expect(spiceKeyCode(keyDef('Delete')!, false)).toBe(0xd3e0);
  });
});
