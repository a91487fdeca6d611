import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import type { ManagedProcess } from '@delivery/harness/managed-process';
import { startOrderServices, type OrderServices } from '../../src/order-services';
import { portAnswers } from '@delivery/harness/ports';
import { temporalClient, temporalServer } from '@delivery/harness/stack';
import { ORDER_CLIENT_OPTIONS } from '@delivery/workflows/client';

/** Apart from the shared test server (7243): this suite kills its own. */
const TEMPORAL_PORT = 7253;

export interface CrashStack extends OrderServices {
  /** Persisted to a file, so it keeps every order across a SIGKILL. */
  temporal: ManagedProcess;
  /** Kept after the run, so a failure's histories can be read with `temporal server start-dev -f`. */
  temporalDb: string;
  client: Client;
}

/** A Temporal server, payment sandbox and worker that belong to the crash suite alone. */
export async function startCrashStack(): Promise<CrashStack> {
  const address = `127.0.0.1:${TEMPORAL_PORT}`;
  if (await portAnswers(address))
    throw new Error(`port ${TEMPORAL_PORT} is taken: the crash suite needs its own server`);
  const db = join(mkdtempSync(join(tmpdir(), 'crash-temporal-')), 'temporal.db');
  const temporal = await temporalServer({ port: TEMPORAL_PORT, db }).start();
  const services = await startOrderServices({
    name: 'crash',
    temporalAddress: address,
    // Latency keeps charges and refunds committed but unanswered long enough for a kill to land,
    // even on a loaded machine, and stays well under the payments client's 8 s request timeout.
    paymentsEnv: { PAYMENT_LATENCY_MS: '3500' },
    // Failing pushes keep notifications retrying, so a kill finds some in flight.
    workerEnv: { NOTIFICATION_FAILURE_RATE: '0.3' },
  }).catch(async (error: unknown) => {
    await temporal.stop();
    throw error;
  });
  const { client, close } = await temporalClient(address, ORDER_CLIENT_OPTIONS);
  return {
    ...services,
    temporal,
    temporalDb: db,
    client,
    async stop() {
      await close();
      await services.stop();
      await temporal.stop();
    },
  };
}
