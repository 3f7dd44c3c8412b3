// Test-only: assert that an edit changed exactly the expected lines and nothing else.
import { changedLines, diffLines } from '../diff';
import type { XmlDocument } from '../document';
import { parseDomainXml, serializeDomainXml } from '../objects';
import { expectValid, fixture } from './validate';

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

/** Apply `change` to a fixture domain; return the line changes, the edited XML (validated) and the doc. */
export function editFixture(name: string, change: (doc: XmlDocument) => void, validate = true) {
  const before = fixture(name);
  const doc = parseDomainXml(before);
  change(doc);
  const after = serializeDomainXml(doc);
  if (validate) expectValid(after, 'domain');
  return { ...lineChanges(before, after), after, doc };
}
