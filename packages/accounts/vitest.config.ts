import { defineConfig } from 'vitest/config';

// Every sign-in pays for an Argon2id check, on purpose.
export default defineConfig({ test: { testTimeout: 20_000 } });
