import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['domain/**/*.test.ts', 'api/**/*.test.ts', 'demo/**/*.test.ts', 'server/**/*.test.ts', 'mocks/**/*.test.ts', 'scripts/**/*.test.ts', 'src/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['tests/setup/fail-on-console-error.ts'],
          // Whole-app component tests render routes, load code on demand and run the mock
          // API; on two busy cores (CI runs files side by side, beside the e2e lane) 5 s is not
          // always enough, and the heaviest (package page, signing, the resubmit editor) took
          // 15–19 s in CI runs, at loads that vary run to run. A time limit here only guards
          // against a hang: no test asserts on speed, so it is set well above the slowest seen.
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'contract',
          include: ['tests/contract/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/setup/postgres-global-setup.ts'],
          setupFiles: ['tests/setup/fail-on-console-error.ts'],
          // As above: a guard against a hang. The slowest tests without a limit of their own
          // (the record's bit flips, the SIGKILL load) took 26–52 s in CI runs.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
