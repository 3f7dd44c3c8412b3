import { scaleBinary } from '../../shared/xml/units';

/** Binary units, as virt-manager and libvirt count memory. */
export type MemoryUnit = 'KiB' | 'MiB' | 'GiB' | 'TiB';

/** KiB → the largest binary unit with a value ≥ 1, at most one decimal (2048 → 2 MiB, 1572864 → 1.5 GiB). */
export function memoryAmount(kib: number): { value: string; unit: MemoryUnit } {
  const scaled = scaleBinary(kib * 1024, 'KiB');
  const unit = (scaled.unit === 'PiB' ? 'TiB' : scaled.unit) as MemoryUnit;
  const value = scaled.unit === 'PiB' ? scaled.value * 1024 : scaled.value;
  const rounded = Math.round(value * 10) / 10;
  return { value: Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1), unit };
}
