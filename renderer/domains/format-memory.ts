/** Binary units, as virt-manager and libvirt count memory. */
export type MemoryUnit = 'KiB' | 'MiB' | 'GiB' | 'TiB';

/** KiB → the largest binary unit with a value ≥ 1, at most one decimal (2048 → 2 MiB, 1572864 → 1.5 GiB). */
export function memoryAmount(kib: number): { value: string; unit: MemoryUnit } {
  const units: MemoryUnit[] = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = kib;
  let index = 0;
  while (value >= 1024 && index < units.length - 1) {
    value /= 1024;
    index += 1;
  }
  const rounded = Math.round(value * 10) / 10;
  return { value: Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1), unit: units[index]! };
}
