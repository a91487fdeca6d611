import { fileURLToPath } from 'node:url';
import { readNumber, readRate } from '@delivery/common/env';

const DEFAULT_DB_PATH = fileURLToPath(new URL('../.data/ledger.sqlite', import.meta.url));

/** `1` or `true` turns a switch on; unset, empty, `0` or `false` leave it off. */
function readSwitch(name: string): boolean {
  const raw = process.env[name];
  const value = raw?.trim().toLowerCase();
  if (value === undefined || value === '' || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw new Error(`${name} must be 1, true, 0 or false, got "${raw}".`);
}

/** The process's settings, from the environment. */
export function readSettings() {
  return {
    port: readNumber('PAYMENTS_PORT', 4242),
    host: process.env.PAYMENTS_HOST || '127.0.0.1',
    dbPath: process.env.PAYMENTS_DB_PATH || DEFAULT_DB_PATH,
    failureRate: readRate('PAYMENT_FAILURE_RATE'),
    latencyMs: readNumber('PAYMENT_LATENCY_MS', 0),
    commitDelayMs: readNumber('PAYMENT_COMMIT_DELAY_MS', 0),
    refundsRefused: readSwitch('PAYMENT_REFUNDS_REFUSED'),
  };
}
