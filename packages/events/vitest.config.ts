import { defineConfig } from 'vitest/config';

// The broker tests kill and restart a real nats-server and wait for clients to reconnect.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
