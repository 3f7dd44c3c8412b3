import { check, checkEnglish, type CheckMessage } from '../checks/check-message';
import { unitFactor } from '../xml/units';

/** The result of reading a size a person typed: bytes, or why it is not a size. */
export type CapacityParse = { ok: true; bytes: number } | { ok: false; message: string; check: CheckMessage };

/** issue 15: the check (key + values) for the UI's language, its English text for logs. */
const refused = (problem: CheckMessage): CapacityParse => ({
  ok: false,
  message: checkEnglish(problem),
  check: problem,
});

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
  if (trimmed === '') return refused(check('size.empty'));
  if (trimmed.startsWith('-')) return refused(check('size.negative', { text: trimmed }));
  const match = SIZE.exec(trimmed);
  if (!match) return refused(check('size.notSize', { text: trimmed }));
  let factor: number;
  try {
    factor = unitFactor(match[2] || defaultUnit);
  } catch {
    return refused(check('size.badUnit', { unit: match[2] ?? '' }));
  }
  const bytes = Math.round(Number(match[1]) * factor);
  if (!(bytes > 0)) return refused(check('size.zero'));
  if (bytes > MAX_BYTES) return refused(check('size.tooLarge', { text: trimmed }));
  return { ok: true, bytes };
}
