import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from './app';
import { openDatabase } from './database';
import { assertValidFaultSettings, type FaultSettings } from './faults';
import { IdempotencyStore } from './idempotency';
import { Ledger } from './ledger';
import { jsonLogger, type Logger } from './logger';
import { PendingCommits } from './pending-commits';

export interface PaymentsServerOptions {
  /** SQLite ledger file; its folder is created if missing. */
  dbPath: string;
  /** 0 picks a free port. Default 4242. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Probability (0..1) that a POST fails with a transient 503. Default 0. */
  failureRate?: number;
  /** Delay before every POST answers, after it committed. Default 0. */
  latencyMs?: number;
  /** Delay before every POST commits, even if its client has gone meanwhile. Default 0. */
  commitDelayMs?: number;
  /** Refuse every refund with 400 charge_disputed. Default false. */
  refundsRefused?: boolean;
  /** Default: JSON lines on stdout. */
  logger?: Logger;
}

export interface PaymentsServer {
  url: string;
  port: number;
  /** Live settings: changing them affects the next POST. */
  faults: FaultSettings;
  /**
   * Stops accepting connections, lets in-flight requests finish (pending commits included, even
   * those whose client has gone), then closes the ledger.
   */
  close(): Promise<void>;
}

function assertValidPort(port: number): void {
  if (!(Number.isInteger(port) && port >= 0 && port <= 65_535)) {
    throw new Error(`The port must be an integer from 0 to 65535, got ${port}.`);
  }
}

export async function createPaymentsServer(
  options: PaymentsServerOptions,
): Promise<PaymentsServer> {
  const { dbPath, port = 4242, host = '127.0.0.1', logger = jsonLogger() } = options;
  const faults: FaultSettings = {
    failureRate: options.failureRate ?? 0,
    latencyMs: options.latencyMs ?? 0,
    commitDelayMs: options.commitDelayMs ?? 0,
    refundsRefused: options.refundsRefused ?? false,
  };
  assertValidPort(port);
  assertValidFaultSettings(faults);

  const db = openDatabase(dbPath);
  const pendingCommits = new PendingCommits();
  const app = createApp({
    ledger: new Ledger(db),
    idempotency: new IdempotencyStore(db),
    pendingCommits,
    faults,
    logger,
  });
  const server = createAdaptorServer({ fetch: app.fetch });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    db.close();
    throw error;
  }

  const { port: boundPort } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${boundPort}`,
    port: boundPort,
    faults,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
      })
        .finally(() => pendingCommits.settled())
        .finally(() => db.close());
      return closing;
    },
  };
}
