import { defineConfig } from 'vitest/config';

/** The proofs, Web Push and the scaffold: each starts the processes it needs, so one file at a time. */
export default defineConfig({
  test: {
    include: ['proofs/**/*.test.ts', 'push/**/*.test.ts', 'scaffold/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 900_000,
    fileParallelism: false,
  },
});
