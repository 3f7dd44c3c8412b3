// One linter for the whole tree. The layer rules (CONVENTIONS.md §1, §3) are enforced here.
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeModules = ['node:*', 'fs', 'path', 'child_process', 'net', 'os', 'crypto', 'ssh2', 'ws'];

export default tseslint.config(
  {
    ignores: ['.tmp*/**', 'out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'dist/**'],
  },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...nodeModules, 'electron'], message: 'renderer/ talks only to shared/ and the API' },
            { group: ['**/electron/**'], message: 'renderer/ must not import the main process' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts', 'shared/**/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...nodeModules, 'electron'], message: 'shared/ is pure code' },
            {
              group: ['**/renderer/**', '**/electron/**'],
              message: 'shared/ is the lowest layer: it imports nothing above it',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/backend/**/*.ts', 'electron/serve.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'backend/ is plain Node; only main.ts/preload.ts touch electron' },
          ],
          patterns: [{ group: ['**/renderer/**'], message: 'the backend never imports the renderer' }],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='exec'] > TemplateLiteral",
          message:
            'Remote commands go through the virsh command builder (quoteArgv), never a template string',
        },
      ],
    },
  },
);
