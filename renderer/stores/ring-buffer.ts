/** Samples kept per series (virt-manager's graphs show 40 points). */
export const statsHistoryLength = 40;

/**
 * Appends to a bounded, immutable series: returns a new array with at most `capacity` of the newest
 * values, oldest first. Immutable so that React sees a new value each tick.
 */
export function appendBounded(
  values: readonly number[],
  value: number,
  capacity = statsHistoryLength,
): number[] {
  const start = values.length + 1 > capacity ? values.length + 1 - capacity : 0;
  const next = values.slice(start);
  next.push(value);
  return next;
}
