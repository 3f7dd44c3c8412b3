import { unitFactor } from '../xml/units';

/** The result of reading a size a person typed: bytes, or why it is not a size. */
export type CapacityParse = { ok: true; bytes: number } | { ok: false; message: string };

const SIZE = /^(\d+(?:\.\d+)?|\.\d+)\s*([A-Za-z]*)$/;
/** Larger than any disk libvirt would create here, and still an exact integer in a double. */
const MAX_BYTES = 2 ** 53 - 1;

/**
 * Reads a capacity as typed: `10G`, `10 GiB`, `1.5T`, `512M`, `100MB`, `4096` (bytes). Units follow
 * libvirt (a bare letter or `iB` is binary, `B` after the letter is decimal). Refuses negative, empty,
 * zero and non-numeric input with a message for people. `defaultUnit` applies to a bare number.
 */
export function parseCapacity(text: string, defaultUnit = 'bytes'): CapacityParse {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Enter a size, for example 10 GiB' };
  if (trimmed.startsWith('-'))
    return { ok: false, message: `"${trimmed}" is negative: a size must be above 0` };
  const match = SIZE.exec(trimmed);
  if (!match)
    return {
      ok: false,
      message: `"${trimmed}" is not a size: write a number and a unit, for example 10G or 1.5 TiB`,
    };
  let factor: number;
  try {
    factor = unitFactor(match[2] || defaultUnit);
  } catch {
    return {
      ok: false,
      message: `"${match[2]}" is not a size unit: use K, M, G, T (binary) or KB, MB, GB, TB`,
    };
  }
  const bytes = Math.round(Number(match[1]) * factor);
  if (!(bytes > 0)) return { ok: false, message: 'A size must be above 0' };
  if (bytes > MAX_BYTES) return { ok: false, message: `"${trimmed}" is too large` };
  return { ok: true, bytes };
}
