import { expect, it } from 'vitest';
import { contentSecurityPolicy } from './content-security-policy';

const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.split(' ')
    .slice(1);

// What `npm start`'s window looks like under it is e2e/specs/desktop-dev.spec.ts.
it('packaged: scripts only from the app, connections only to itself and the console bridge', () => {
  const policy = contentSecurityPolicy();
  expect(directive(policy, 'script-src')).toEqual(["'self'"]);
  expect(directive(policy, 'connect-src')).toEqual(["'self'", 'ws://127.0.0.1:*']);
});

it("under npm start: also the dev server's inline preamble and its hot-reload WebSocket", () => {
  const policy = contentSecurityPolicy('http://localhost:5173');
  expect(directive(policy, 'script-src')).toEqual(["'self'", "'unsafe-inline'"]);
  expect(directive(policy, 'connect-src')).toEqual(["'self'", 'ws://127.0.0.1:*', 'ws://localhost:5173']);
});
