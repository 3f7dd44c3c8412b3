// One linter for the whole tree. The layer rules (CONVENTIONS.md §1, §3) are enforced here.
import tseslint from 'typescript-eslint';
import globals from 'globals';

// The types only virsh/quote.ts may produce (a cast would let free text reach a host).
const QUOTED_TYPES = '/^(RemoteCommand|ShellText|TemplateStringsArray)$/';
const REMOTE_COMMAND_HOWTO =
  'Commands for a host are built by virsh/quote.ts only: remoteCommand([argv…]) or ' +
  'hostScript`fixed text ${words([argv…])}` — never a cast, a constructor call or a template string';

// Backend folders above transport/ (the lowest layer): the session layer and everything built on it.
const ABOVE_TRANSPORT = [
  'hosts',
  'api',
  'collections',
  'consoles',
  'create-backend',
  'domains',
  'events',
  'jobs',
  'networks',
  'serve',
  'stats',
  'storage',
];

const nodeModules = ['node:*', 'fs', 'path', 'child_process', 'net', 'os', 'crypto', 'ssh2', 'ws'];

const rendererImportPatterns = [
  { group: [...nodeModules, 'electron'], message: 'renderer/ talks only to shared/ and the API' },
  { group: ['**/electron/**'], message: 'renderer/ must not import the main process' },
];
const STORE_LAYER_MESSAGE =
  'The store layer imports shared/, renderer/api/ and other stores (*-store, *-calls, *-ids), never a component folder module';

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
          patterns: rendererImportPatterns,
        },
      ],
    },
  },
  {
    // The store layer (renderer/stores/, every *-store.ts and *-calls.ts) sits below the components:
    // it imports shared/, renderer/api/ and other store-layer modules (*-store, *-calls, *-ids), never a
    // component's folder module. Siblings inside renderer/stores/ are store layer by where they live.
    files: ['renderer/stores/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererImportPatterns,
            {
              regex: '^\\.\\./(?!(?:\\.\\./)*(?:shared|api)/)(?!.*-(?:store|calls|ids)$)',
              message: STORE_LAYER_MESSAGE,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*-store.ts', 'renderer/**/*-calls.ts'],
    ignores: ['renderer/stores/**', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererImportPatterns,
            {
              regex: '^\\.{1,2}/(?!(?:\\.\\./)*(?:shared|api|stores)/)(?!.*-(?:store|calls|ids)$)',
              message: STORE_LAYER_MESSAGE,
            },
          ],
        },
      ],
    },
  },
  {
    // Components read stores; stores (and the *-calls.ts modules built in create-stores.ts) call the
    // API (issue 8). No exceptions.
    files: ['renderer/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='api'][property.name=/^(call|on)$/]",
          message: 'Components read stores; a store calls the API (see renderer/consoles/console-calls.ts).',
        },
        {
          selector:
            "VariableDeclarator[init.callee.name='useStores'] > ObjectPattern > Property[key.name='api']",
          message: 'Components read stores; a store calls the API (see renderer/consoles/console-calls.ts).',
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
    },
  },
  {
    // Layers inside the backend (issue 8): transport/ (SSH and local transports, known hosts, ssh
    // config, auth) is the lowest; the session layer (hosts/: HostConnection, parts, manager) and
    // everything above it build on it, never the other way round. transport/ may use shared/, the
    // quoting module (virsh/quote.ts), prompts/ and secrets/.
    files: ['electron/backend/transport/**/*.ts'],
    ignores: ['**/*.test.ts', '**/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'backend/ is plain Node; only main.ts/preload.ts touch electron' },
          ],
          patterns: [
            { group: ['**/renderer/**'], message: 'the backend never imports the renderer' },
            {
              regex: `^(\\.\\./)+(${ABOVE_TRANSPORT.join('|')})(/|$)`,
              message:
                'transport/ is the lowest backend layer: it never imports the session layer (hosts/) or anything above it',
            },
            {
              regex: '^(\\.\\./)+virsh/(?!quote$)',
              message:
                'transport/ uses only virsh/quote.ts (the virsh shell is built on the transport, not under it)',
            },
          ],
        },
      ],
    },
  },
  {
    // A command reaches a host only as a RemoteCommand, which only virsh/quote.ts builds (issue 8).
    // The type stops free text; these catch the ways around it.
    files: ['electron/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['electron/backend/virsh/quote.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `:matches(TSAsExpression, TSTypeAssertion, TSSatisfiesExpression)[typeAnnotation.typeName.name=${QUOTED_TYPES}]`,
          message: REMOTE_COMMAND_HOWTO,
        },
        {
          selector: `NewExpression[callee.name=${QUOTED_TYPES}]`,
          message: REMOTE_COMMAND_HOWTO,
        },
        {
          selector: "CallExpression[callee.property.name='exec'] > TemplateLiteral",
          message: REMOTE_COMMAND_HOWTO,
        },
      ],
    },
  },
);
