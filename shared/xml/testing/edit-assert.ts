// Test-only: assert that an edit changed exactly the expected lines and nothing else.
import { changedLines, diffLines } from '../diff';

export interface LineChanges {
  removed: string[];
  added: string[];
}

/** The removed and added lines between two XML texts, trimmed. */
export function lineChanges(before: string, after: string): LineChanges {
  const changes = changedLines(diffLines(before, after));
  return {
    removed: changes.filter((l) => l.op === '-').map((l) => l.text.trim()),
    added: changes.filter((l) => l.op === '+').map((l) => l.text.trim()),
  };
}
