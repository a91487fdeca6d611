import { defineConfig } from 'vitest/config';

/** The proof suites: each starts the processes it needs, so they run one file at a time. */
export default defineConfig({
  test: {
    include: ['proofs/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
