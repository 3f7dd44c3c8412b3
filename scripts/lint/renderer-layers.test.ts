import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint rule behind "components read stores, stores call the API" (issue 8).
describe('lint keeps the API out of components', () => {
  const eslint = new ESLint();
  const problems = async (code: string, filePath: string) =>
    (await eslint.lintText(code, { filePath }))
      .flatMap((r) => r.messages)
      .filter((m) => m.ruleId === 'no-restricted-syntax')
      .map((m) => m.message);
  const component = [
    `import { useStores } from '../common/stores-context';`,
    `export function Pane() {`,
    `  const { api } = useStores();`,
    `  void api.call('consoles/close', { consoleId: 'x' });`,
    `  return null;`,
    `}`,
  ].join('\n');

  it('refuses a component that takes the API from the stores and calls it', { timeout: 60_000 }, async () => {
    const found = await problems(component, 'renderer/consoles/some-page.tsx');
    expect(found).toHaveLength(2);
    for (const message of found) expect(message).toMatch(/a store calls the API/);
  });

  it('lets a store call the API', async () => {
    const store = `export const make = (api: { call(n: string): void }) => ({ close: () => api.call('consoles/close') });`;
    expect(await problems(store, 'renderer/consoles/console-calls.ts')).toEqual([]);
  });

  const importProblems = async (code: string, filePath: string) =>
    (await eslint.lintText(code, { filePath }))
      .flatMap((r) => r.messages)
      .filter((m) => m.ruleId === 'no-restricted-imports')
      .map((m) => m.message);

  it('keeps the store layer below the components', { timeout: 60_000 }, async () => {
    const upward = [
      `import { buildRows } from '../domains/visible-rows';`,
      `import { GraphicsConsole } from '../consoles/graphics-console';`,
    ].join('\n');
    expect(await importProblems(upward, 'renderer/stores/some-store.ts')).toHaveLength(2);
    expect(
      await importProblems(`import { VM_PAGES } from './vm-pages';`, 'renderer/consoles/x-store.ts'),
    ).toHaveLength(1);
    const downward = [
      `import type { DomainSummary } from '../../shared/api/domains';`,
      `import { toApiError } from '../api/api-error-from';`,
      `import { createNetworksStore } from '../networks/networks-store';`,
      `import { createConsoleCalls } from '../consoles/console-calls';`,
      `import { domainKey } from './domain-key';`,
    ].join('\n');
    expect(await importProblems(downward, 'renderer/stores/some-store.ts')).toEqual([]);
    const feature = [
      `import { collectionSlice } from '../stores/collection-store';`,
      `import type { VmPage } from './vm-page-ids';`,
    ].join('\n');
    expect(await importProblems(feature, 'renderer/consoles/x-store.ts')).toEqual([]);
  });
});
