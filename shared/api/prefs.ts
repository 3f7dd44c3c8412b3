import { z } from 'zod';

// Preferences (issue 15): one file in the data dir (prefs.json), validated on load; every group has
// defaults, so an older or partial file reads as the defaults plus what it says.

/** Statistics a host is asked for on every tick (virt-manager's "Enable … polling"). */
export const StatKinds = ['cpu', 'memory', 'disk', 'network'] as const;
export type StatKind = (typeof StatKinds)[number];

/** Actions that ask first when their switch is on; `several` is any action on more than one VM. */
export const ConfirmableActions = ['destroy', 'reset', 'shutdown', 'reboot', 'pause', 'several'] as const;
export type ConfirmableAction = (typeof ConfirmableActions)[number];

/** Keys that give the keyboard back from a console (virt-manager: Ctrl+Alt). */
export const GrabKeys = ['Ctrl+Alt', 'Ctrl+Alt+Shift', 'Ctrl+Shift', 'Right Ctrl'] as const;

export const LanguagePref = z.enum(['system', 'en', 'zh-CN']);
export type LanguagePref = z.infer<typeof LanguagePref>;
export const ThemePref = z.enum(['system', 'light', 'dark']);
export type ThemePref = z.infer<typeof ThemePref>;

const flag = (value: boolean) => z.boolean().default(value);

export const NewVmPrefs = z.object({
  /** `auto`: SPICE where the host has it, else VNC. */
  graphics: z.enum(['auto', 'spice', 'vnc', 'none']).default('auto'),
  storageFormat: z.enum(['qcow2', 'raw']).default('qcow2'),
  /** `auto`: host-passthrough with KVM, maximum under TCG; without KVM every choice falls back to it. */
  cpuMode: z.enum(['auto', 'host-passthrough', 'host-model', 'maximum']).default('auto'),
  /** `auto`: UEFI when the OS requires it; `efi` only where the host has UEFI firmware. */
  firmware: z.enum(['auto', 'bios', 'efi']).default('auto'),
});
export type NewVmPrefs = z.infer<typeof NewVmPrefs>;

export const ConsolePrefs = z.object({
  scaling: z.enum(['fit', 'native']).default('fit'),
  /** Resize the guest's display to the window where the console can (VNC). */
  resizeGuest: flag(false),
  grabKeys: z.enum(GrabKeys).default('Ctrl+Alt'),
  /** Clipboard sharing of a VM's console until it is switched for that VM. */
  clipboard: flag(false),
});
export type ConsolePrefs = z.infer<typeof ConsolePrefs>;

const PrefsShape = z.object({
  /** Statistics tick in ms (virt-manager: 3 s; ours: 2 s). */
  statsIntervalMs: z.number().int().min(500).max(60_000).default(2000),
  stats: z
    .object({ cpu: flag(true), memory: flag(true), disk: flag(true), network: flag(true) })
    .prefault({}),
  newVm: NewVmPrefs.prefault({}),
  console: ConsolePrefs.prefault({}),
  confirm: z
    .object({
      destroy: flag(true),
      reset: flag(true),
      shutdown: flag(false),
      reboot: flag(false),
      pause: flag(false),
      several: flag(true),
    })
    .prefault({}),
  theme: ThemePref.default('system'),
  language: LanguagePref.default('system'),
});

/** A file of the first version had one switch for the destructive actions; it becomes the three. */
function fromFirstVersion(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const { confirmDestructive, ...rest } = input as Record<string, unknown>;
  if (typeof confirmDestructive !== 'boolean' || 'confirm' in rest) return rest;
  return {
    ...rest,
    confirm: { destroy: confirmDestructive, reset: confirmDestructive, several: confirmDestructive },
  };
}

export const Prefs = z.preprocess(fromFirstVersion, PrefsShape);
export type Prefs = z.infer<typeof PrefsShape>;

/** A change: any group, each with any of its fields (merged into the current preferences). */
export const PrefsChange = z.object({
  statsIntervalMs: PrefsShape.shape.statsIntervalMs.optional(),
  stats: PrefsShape.shape.stats.unwrap().partial().optional(),
  newVm: NewVmPrefs.partial().optional(),
  console: ConsolePrefs.partial().optional(),
  confirm: PrefsShape.shape.confirm.unwrap().partial().optional(),
  theme: ThemePref.optional(),
  language: LanguagePref.optional(),
});
export type PrefsChange = z.infer<typeof PrefsChange>;

/** The preferences after a change (groups merged field by field), validated. */
export function withChange(prefs: Prefs, change: PrefsChange): Prefs {
  const merged: Record<string, unknown> = { ...prefs };
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined) continue;
    const before = merged[key];
    merged[key] = typeof value === 'object' && typeof before === 'object' ? { ...before, ...value } : value;
  }
  return PrefsShape.parse(merged);
}

/** The statistics the preferences collect. */
export function collectedStats(prefs: Prefs): ReadonlySet<StatKind> {
  return new Set(StatKinds.filter((kind) => prefs.stats[kind]));
}

/** Preferences (spread into the contract). */
export const prefsCalls = {
  'prefs/get': { request: z.object({}), response: PrefsShape },
  'prefs/set': { request: PrefsChange, response: PrefsShape },
} as const;

/** Pushed after every change, so each window (detached ones too) follows at once. */
export const prefsEvents = {
  'prefs/changed': PrefsShape,
} as const;
