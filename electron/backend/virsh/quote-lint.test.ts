import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint rule that guards what the RemoteCommand type cannot: casts and hand-made instances.
describe('lint keeps free text away from hosts', () => {
  const eslint = new ESLint();
  const problems = async (code: string, filePath: string) =>
    (await eslint.lintText(code, { filePath }))
      .flatMap((r) => r.messages)
      .filter((m) => m.ruleId === 'no-restricted-syntax')
      .map((m) => m.message);

  it(
    'refuses casts to RemoteCommand / ShellText / TemplateStringsArray and constructor calls outside quote.ts',
    { timeout: 60_000 },
    async () => {
      const code = [
        `import { RemoteCommand, ShellText } from './quote';`,
        `export const a = 'id' as unknown as RemoteCommand;`,
        `export const b = <ShellText>(<unknown>'id');`,
        `export const c = ['id'] as unknown as TemplateStringsArray;`,
        `export const d = new RemoteCommand(Symbol() as never, 'id');`,
        `declare const t: { exec(c: string): void }; t.exec(\`virsh \${a}\`);`,
      ].join('\n');
      const found = await problems(code, 'electron/backend/storage/some-feature.ts');
      expect(found).toHaveLength(5);
      for (const message of found) expect(message).toMatch(/remoteCommand\(\[argv…\]\).*hostScript`/);
    },
  );

  it('lets quote.ts itself build them', async () => {
    expect(
      await problems(`export const a = 'x' as unknown as RemoteCommand;`, 'electron/backend/virsh/quote.ts'),
    ).toEqual([]);
  });
});
