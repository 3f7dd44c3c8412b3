import { describe, expect, it } from 'vitest';
import { callNames, eventNames } from './contract';
import { CALL_NAMES, EVENT_NAMES } from './call-names';

describe('preload name lists', () => {
  it('name every call and event of the contract, no more', () => {
    expect([...CALL_NAMES].sort()).toEqual([...callNames].sort());
    expect([...EVENT_NAMES].sort()).toEqual([...eventNames].sort());
  });
});
