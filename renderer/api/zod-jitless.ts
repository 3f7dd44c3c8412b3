import { z } from 'zod';

// Imported first by main.tsx, before any schema is built (zod reads this when a schema is made).
// The app's CSP (`script-src 'self'`) forbids the `new Function` zod's JIT needs, so the renderer
// always runs without it — said outright, so that a page without that CSP (a benchmark that
// bypasses it) runs the same way, and zod does not probe `new Function` (a CSP violation report).
z.config({ jitless: true });
