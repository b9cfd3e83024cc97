import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'scripts/**/*.test.ts',
      'tests/**/*.test.ts',
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'packages/*/bench/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', 'dist/**'],
    testTimeout: 20_000,
    hookTimeout: 120_000,
    // Two cores: keep build-heavy suites from starving each other.
    maxWorkers: 2,
    // Date-dependent warnings (security.txt expiry) must not change test output as the calendar moves.
    env: { SLA_TODAY: '2026-06-15' },
  },
});
