// A size typed by a person ("512 MiB", "1G", "1048576") → bytes, with libvirt's units (units.ts).
import { formatBytes, unitFactor } from '../xml/units';

/** Bytes, or an Error whose message is `notANumber` or `badUnit`. A bare number is KiB, as in libvirt. */
export function parseSize(text: string): number | Error {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*$/.exec(text);
  if (!m) return new Error('notANumber');
  let factor: number;
  try {
    factor = unitFactor(m[2] || 'KiB');
  } catch {
    return new Error('badUnit');
  }
  const bytes = Number(m[1]) * factor;
  if (!Number.isSafeInteger(Math.round(bytes))) return new Error('notANumber');
  return Math.round(bytes);
}

/** How a size is shown for editing: exact in the largest binary unit ("1 GiB", "1536 MiB"). */
export function showSize(bytes: number): string {
  for (const unit of ['TiB', 'GiB', 'MiB', 'KiB'])
    if (bytes >= unitFactor(unit) && bytes % unitFactor(unit) === 0)
      return `${bytes / unitFactor(unit)} ${unit}`;
  return bytes % 1024 === 0 ? formatBytes(bytes) : `${bytes} bytes`;
}
