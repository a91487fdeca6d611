import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ManagedProcess } from '@delivery/harness/managed-process';
import { freePort } from '@delivery/harness/ports';
import {
  orderWorker,
  paymentsService,
  temporalAddress,
  uniqueTaskQueue,
} from '@delivery/harness/stack';

/** A payment sandbox and an order worker that charges through it, private to one test. */
export interface OrderServices {
  payments: ManagedProcess;
  worker: ManagedProcess;
  paymentsUrl: string;
  /** The sandbox's ledger file: a sandbox started again on it keeps every charge. */
  ledgerPath: string;
  taskQueue: string;
  stop(): Promise<void>;
}

export async function startOrderServices(options: {
  name: string;
  temporalAddress?: string;
  paymentsEnv?: Record<string, string>;
  workerEnv?: Record<string, string>;
}): Promise<OrderServices> {
  const port = await freePort();
  const paymentsUrl = `http://127.0.0.1:${port}`;
  const ledgerPath = join(mkdtempSync(join(tmpdir(), `${options.name}-ledger-`)), 'ledger.sqlite');
  const taskQueue = uniqueTaskQueue(options.name);
  const payments = paymentsService({ port, dbPath: ledgerPath, env: options.paymentsEnv });
  const worker = orderWorker({
    taskQueue,
    paymentsUrl,
    temporalAddress: options.temporalAddress ?? temporalAddress(),
    env: options.workerEnv,
  });
  const stop = async () => {
    await Promise.all([worker.stop(), payments.stop()]);
  };
  const starts = await Promise.allSettled([payments.start(), worker.start()]);
  const failed = starts.find((start) => start.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  return { payments, worker, paymentsUrl, ledgerPath, taskQueue, stop };
}
