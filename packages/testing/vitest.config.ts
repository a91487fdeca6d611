import { defineConfig } from 'vitest/config';

/**
 * The proofs, Web Push, the scaffold, the scale-out, observability and compose suites: each
 * starts the processes it needs, so one file at a time.
 */
export default defineConfig({
  test: {
    include: [
      'proofs/**/*.test.ts',
      'push/**/*.test.ts',
      'scaffold/**/*.test.ts',
      'scale-out/**/*.test.ts',
      'observability/**/*.test.ts',
      'compose/**/*.test.ts',
    ],
    testTimeout: 600_000,
    hookTimeout: 900_000,
    fileParallelism: false,
  },
});
