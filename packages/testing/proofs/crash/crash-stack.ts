import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import type { ManagedProcess } from '@delivery/harness/managed-process';
import { PORTS } from '@delivery/harness/ports';
import { startStack } from '@delivery/harness/stack';

export interface CrashStack {
  /** Persisted to a file, so it keeps every order across a SIGKILL. */
  temporal: ManagedProcess;
  /** Kept after the run, so a failure's histories can be read with `temporal server start-dev -f`. */
  temporalDb: string;
  payments: ManagedProcess;
  paymentsUrl: string;
  worker: ManagedProcess;
  taskQueue: string;
  client: Client;
  /** Where the worker publishes the orders' events (`orderEventBusFromEnv` reads it). */
  orderEvents: Record<string, string>;
  stop(): Promise<void>;
}

/** A Temporal server (apart from the shared one: this suite kills its own), payment sandbox and worker. */
export async function startCrashStack(): Promise<CrashStack> {
  const temporalDb = join(mkdtempSync(join(tmpdir(), 'crash-temporal-')), 'temporal.db');
  const stack = await startStack({
    name: 'crash',
    temporal: { port: PORTS.crash.temporal, db: temporalDb },
    payments: {
      // Latency keeps charges and refunds committed but unanswered long enough for a kill to
      // land, even on a loaded machine, and stays well under the payments client's 8 s timeout.
      sandbox: { env: { PAYMENT_LATENCY_MS: '3500' } },
    },
    // Failing pushes keep notifications retrying, so a kill finds some in flight.
    worker: { env: { NOTIFICATION_FAILURE_RATE: '0.3' } },
  });
  const { temporal, payments, worker, taskQueue, client, orderEvents, stop } = stack;
  const { process, url } = payments.sandbox;
  return {
    temporal,
    temporalDb,
    payments: process,
    paymentsUrl: url,
    worker,
    taskQueue,
    client,
    orderEvents,
    stop,
  };
}
