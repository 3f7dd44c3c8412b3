// Test-only: the seeds' VMs as the tuning tests use them (see fixtures/README.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function seedFixture(name: 'node1-tuned.xml'): string {
  return readFileSync(join(__dirname, 'fixtures', name), 'utf8');
}
