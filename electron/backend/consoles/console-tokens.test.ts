import { describe, expect, it } from 'vitest';
import { ConsoleTokens } from './console-tokens';

describe('ConsoleTokens', () => {
  it('accepts each single-use token once and nothing else', () => {
    const tokens = new ConsoleTokens();
    const [a, b] = tokens.issue(2);
    expect(tokens.consume('nope')).toBe(false);
    expect(tokens.consume('')).toBe(false);
    expect(tokens.consume(null)).toBe(false);
    expect(tokens.consume(b)).toBe(true);
    expect(tokens.consume(b)).toBe(false);
    expect(tokens.consume(a)).toBe(true);
    expect(tokens.consume(a)).toBe(false);
  });

  it('accepts a shared token as many times as issued, and not after it expired', () => {
    let now = 1_000;
    const tokens = new ConsoleTokens(() => now);
    const shared = tokens.issueShared(3, 60_000);
    const expiring = tokens.issueShared(3, 60_000);
    expect([1, 2, 3, 4].map(() => tokens.consume(shared))).toEqual([true, true, true, false]);
    expect(tokens.consume(expiring)).toBe(true);
    now += 60_000;
    expect(tokens.consume(expiring)).toBe(false);
  });

  it('forgets everything on clear', () => {
    const tokens = new ConsoleTokens();
    const [a] = tokens.issue(1);
    const shared = tokens.issueShared(16, 60_000);
    tokens.clear();
    expect(tokens.consume(a)).toBe(false);
    expect(tokens.consume(shared)).toBe(false);
  });
});
