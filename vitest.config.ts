import { defineConfig } from 'vitest/config';

/**
 * Two groups: unit and integration tests run in parallel first; the end-to-end tests (each
 * drives Chromium against its own server) run afterwards one file at a time, so they never
 * compete for the machine's two cores with each other or with the rest.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './tests/support/plainSummaryReporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit-and-integration',
          include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'client/src/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', '**/node_modules/**'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
