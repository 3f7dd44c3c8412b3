import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rule: transport/ (the lowest backend layer) never imports the session layer or above.
describe('lint keeps transport/ below the session layer', () => {
  const eslint = new ESLint();
  const refused = async (spec: string, filePath: string) =>
    (await eslint.lintText(`import * as m from '${spec}';\nexport { m };\n`, { filePath }))
      .flatMap((r) => r.messages)
      .some((m) => m.ruleId === 'no-restricted-imports');

  it(
    'refuses the session layer, the virsh shell and the features, from any depth',
    { timeout: 60_000 },
    async () => {
      const file = 'electron/backend/transport/some-transport.ts';
      const deeper = 'electron/backend/transport/ssh-config/some-part.ts';
      expect(await refused('../hosts/host-connection', file)).toBe(true);
      expect(await refused('../hosts/host-session', file)).toBe(true);
      expect(await refused('../../hosts/host-manager', deeper)).toBe(true);
      expect(await refused('../virsh/virsh-shell', file)).toBe(true);
      expect(await refused('../domains/domain-actions', file)).toBe(true);
      expect(await refused('../create-backend', file)).toBe(true);
    },
  );

  it('allows shared/, its own folder, quote.ts, prompts/ and secrets/', { timeout: 60_000 }, async () => {
    const file = 'electron/backend/transport/some-transport.ts';
    expect(await refused('../../../shared/api/errors', file)).toBe(false);
    expect(await refused('../../../../shared/api/hosts', 'electron/backend/transport/ssh-config/x.ts')).toBe(
      false,
    );
    expect(await refused('./known-hosts', file)).toBe(false);
    expect(await refused('../virsh/quote', file)).toBe(false);
    expect(await refused('../prompts/prompt-broker', file)).toBe(false);
    expect(await refused('../secrets/secret-store', file)).toBe(false);
  });

  it('lets the session layer import the transport', { timeout: 60_000 }, async () => {
    expect(await refused('../transport/transport', 'electron/backend/hosts/host-connection.ts')).toBe(false);
  });
});
