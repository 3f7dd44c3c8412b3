// vitest globalSetup for the 'integration' project: bring the real test host up once per run and
// hand its details to the tests (`inject('testHost')`). No teardown on purpose: the host stays up
// between runs for speed; `.ci/run` (or `bash e2e/host/test-host.sh down`) removes it.
import type { TestProject } from 'vitest/node';
import { ensureTestHost, type TestHost } from './test-host';

export default async function setup(project: TestProject): Promise<void> {
  const host = await ensureTestHost();
  project.provide('testHost', host);
}

declare module 'vitest' {
  export interface ProvidedContext {
    testHost: TestHost;
  }
}
