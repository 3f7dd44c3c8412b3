import { scaleBinary } from '../../shared/xml/units';

/** Binary units, as virt-manager and libvirt count memory. */
export type MemoryUnit = 'KiB' | 'MiB' | 'GiB' | 'TiB';

/**
 * KiB → the largest binary unit with a value ≥ 1, at most one decimal (2048 → 2 MiB, 1572864 → 1.5 GiB);
 * with a locale, its digits and decimal sign (issue 15: "1,5" in German).
 */
export function memoryAmount(kib: number, locale?: string): { value: string; unit: MemoryUnit } {
  const scaled = scaleBinary(kib * 1024, 'KiB');
  const unit = (scaled.unit === 'PiB' ? 'TiB' : scaled.unit) as MemoryUnit;
  const value = scaled.unit === 'PiB' ? scaled.value * 1024 : scaled.value;
  const rounded = Math.round(value * 10) / 10;
  if (locale)
    return { value: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(rounded), unit };
  return { value: Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1), unit };
}
