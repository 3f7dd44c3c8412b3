import { DomainState, type DomainDelta } from './domains';

/**
 * A quick, hand-written check of the hottest event (`domains/delta`: a 207-VM host's list is one
 * message, and every XML batch another), used before the contract's zod schema: zod runs without
 * its JIT under the app's CSP (`script-src 'self'`), where parsing a 207-row delta costs ~10–20 ms
 * on this machine (issue 16).
 *
 * It answers true only for a value the schema accepts AND returns unchanged: no key the schema
 * would strip, `reset` given, host-device lists empty (a VM with host devices goes to the schema). Anything else — a
 * refusal or a value the schema would reshape — answers false, and the caller parses it with
 * the schema as before. So it never lets through what the contract refuses
 * (`domain-delta-check.test.ts` compares both on many altered deltas).
 */
export function isExactDomainDelta(value: unknown): value is DomainDelta {
  if (!isRecord(value)) return false;
  for (const key in value) if (!Object.hasOwn(value, key) || !deltaKeys.has(key)) return false;
  if (typeof value.hostId !== 'string' || typeof value.reset !== 'boolean') return false;
  const { upsert, remove } = value;
  if (!Array.isArray(upsert) || !Array.isArray(remove)) return false;
  for (const uuid of remove) if (typeof uuid !== 'string') return false;
  for (const summary of upsert) if (!isExactSummary(summary)) return false;
  return true;
}

const deltaKeys = new Set(['hostId', 'reset', 'upsert', 'remove']);
const states: ReadonlySet<unknown> = new Set(DomainState.options);

type Check = (value: unknown) => boolean;
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value);
const isString: Check = (value) => typeof value === 'string';
const isBoolean: Check = (value) => typeof value === 'boolean';
const isNonNegative: Check = (value) => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isCount: Check = (value) => Number.isSafeInteger(value) && (value as number) >= 0;

/** An empty host-device list (the XML read sets one on every VM); a non-empty one takes the schema. */
const isEmptyList: Check = (value) => Array.isArray(value) && value.length === 0;

/** DomainSummary's fields; host-device lists only when empty. */
const summaryFields: Readonly<Record<string, Check>> = {
  uuid: isString,
  name: isString,
  title: optional(isString),
  state: (value) => states.has(value),
  vcpus: optional(isCount),
  memoryKiB: optional(isNonNegative),
  maxMemoryKiB: optional(isNonNegative),
  autostart: optional(isBoolean),
  persistent: optional(isBoolean),
  hasManagedSave: optional(isBoolean),
  pendingChanges: optional(isBoolean),
  detailsLoaded: isBoolean,
  hostDevices: optional(isEmptyList),
  definedHostDevices: optional(isEmptyList),
};
const requiredFields = ['uuid', 'name', 'state', 'detailsLoaded'] as const;

function isExactSummary(value: unknown): boolean {
  if (!isRecord(value)) return false;
  for (const key in value) {
    if (!Object.hasOwn(value, key) || !Object.hasOwn(summaryFields, key)) return false;
    if (!summaryFields[key]!(value[key])) return false;
  }
  for (const key of requiredFields) if (!Object.hasOwn(value, key)) return false;
  return true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.getPrototypeOf(value) === Object.prototype;
}
