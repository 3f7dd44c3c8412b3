import { ensureTestHost } from './host/test-host';

/** Brings the real test host up once for the whole run (idempotent). */
export default async function globalSetup(): Promise<void> {
  await ensureTestHost();
}
