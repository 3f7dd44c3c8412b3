// libvirt's scaled integers (memory sizes etc.). Decimal and binary units exactly as libvirt defines
// them (virScaleInteger): a bare letter or an `iB` suffix is binary, a `B` suffix is decimal, and
// the letter is case-insensitive. So `KB`=10^3 but `k`=`KiB`=2^10, `MB`=10^6 but `M`=`MiB`=2^20, ….

const POWERS: Record<string, number> = { k: 1, m: 2, g: 3, t: 4, p: 5, e: 6 };

/** Bytes per `unit`; throws on a unit libvirt would reject. */
export function unitFactor(unit: string): number {
  if (/^b(ytes?)?$/i.test(unit)) return 1;
  const m = /^([kmgtpe])(i?b)?$/i.exec(unit);
  if (!m) throw new RangeError(`unknown size unit '${unit}'`);
  const power = POWERS[m[1]!.toLowerCase()]!;
  const decimal = m[2] !== undefined && m[2].toLowerCase() === 'b';
  return (decimal ? 1000 : 1024) ** power;
}

export function isValidUnit(unit: string): boolean {
  try {
    unitFactor(unit);
    return true;
  } catch {
    return false;
  }
}

/** A size as written in XML: value and unit (the element's default unit when the attribute is absent). */
export interface ScaledSize {
  value: number;
  unit: string;
}

export function toBytes(size: ScaledSize): number {
  return size.value * unitFactor(size.unit);
}

/** Express `bytes` in `unit` if that is exact, else in the largest binary unit that is. */
export function fromBytes(bytes: number, preferredUnit = 'KiB'): ScaledSize {
  const f = unitFactor(preferredUnit);
  if (bytes % f === 0) return { value: bytes / f, unit: preferredUnit };
  for (const unit of ['TiB', 'GiB', 'MiB', 'KiB']) {
    const g = unitFactor(unit);
    if (bytes % g === 0) return { value: bytes / g, unit };
  }
  return { value: bytes, unit: 'bytes' };
}

export const KiB = 1024;
export const MiB = 1024 ** 2;
export const GiB = 1024 ** 3;
export const TiB = 1024 ** 4;

const BINARY_UNITS = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;
export type BinaryUnit = (typeof BINARY_UNITS)[number];

/** `bytes` in the largest binary unit with a value ≥ 1 (from `smallest` up): 1536 MiB → 1.5 GiB. */
export function scaleBinary(
  bytes: number,
  smallest: BinaryUnit = 'bytes',
): { value: number; unit: BinaryUnit } {
  let index = BINARY_UNITS.indexOf(smallest);
  let value = bytes / 1024 ** index;
  while (Math.abs(value) >= 1024 && index < BINARY_UNITS.length - 1) {
    value /= 1024;
    index++;
  }
  return { value, unit: BINARY_UNITS[index]! };
}

/** Human-readable binary size: 1.5 GiB, 512 MiB; with a locale, its digits and separators (Intl). */
export function formatBytes(bytes: number, locale?: string): string {
  const { value, unit } = scaleBinary(bytes);
  const shown = locale
    ? new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)
    : Number.isInteger(value)
      ? String(value)
      : value.toFixed(2).replace(/\.?0+$/, '');
  return `${shown} ${unit}`;
}
