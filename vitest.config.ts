import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'shared/**/*.test.ts',
            'electron/**/*.test.ts',
            'scripts/**/*.test.ts',
            'renderer/**/*.test.{ts,tsx}',
          ],
          exclude: ['**/*.int.test.ts', '**/*.pack.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        // `npm run dist` end to end with a stand-in Electron: a build and a package, ~30 s.
        test: {
          name: 'packaging',
          include: ['scripts/**/*.pack.test.ts'],
          testTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['electron/**/*.int.test.ts', 'shared/**/*.int.test.ts', 'e2e/host/**/*.int.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          globalSetup: ['e2e/host/vitest-global-setup.ts'],
        },
      },
    ],
  },
});
