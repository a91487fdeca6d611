import { fileURLToPath } from 'node:url';
import { readNumber, readRate } from '@delivery/common/env';

const DEFAULT_DB_PATH = fileURLToPath(new URL('../.data/ledger.sqlite', import.meta.url));

/** The process's settings, from the environment. */
export function readSettings() {
  return {
    port: readNumber('PAYMENTS_PORT', 4242),
    host: process.env.PAYMENTS_HOST || '127.0.0.1',
    dbPath: process.env.PAYMENTS_DB_PATH || DEFAULT_DB_PATH,
    failureRate: readRate('PAYMENT_FAILURE_RATE'),
    latencyMs: readNumber('PAYMENT_LATENCY_MS', 0),
  };
}
