import { describe, expect, it } from 'vitest';
import { SingleUseTokens } from './single-use-tokens';

describe('SingleUseTokens', () => {
  it('accepts each issued token once and nothing else', () => {
    const tokens = new SingleUseTokens();
    const [a, b] = tokens.issue(2);
    expect(tokens.consume('nope')).toBe(false);
    expect(tokens.consume('')).toBe(false);
    expect(tokens.consume(null)).toBe(false);
    expect(tokens.consume(b)).toBe(true);
    expect(tokens.consume(b)).toBe(false);
    expect(tokens.consume(a)).toBe(true);
    expect(tokens.consume(a)).toBe(false);
  });

  it('forgets everything on clear', () => {
    const tokens = new SingleUseTokens();
    const [a] = tokens.issue(1);
    tokens.clear();
    expect(tokens.consume(a)).toBe(false);
  });
});
