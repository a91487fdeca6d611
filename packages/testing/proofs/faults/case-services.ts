import type { Client } from '@temporalio/client';
import type { ManagedProcess } from '@delivery/harness/managed-process';
import { startStack } from '@delivery/harness/stack';
import { workerTroubles } from '@delivery/harness/worker-health';
import { workflowTaskFailures } from '@delivery/harness/workflow-health';

export interface CaseServices {
  payments: ManagedProcess;
  paymentsUrl: string;
  worker: ManagedProcess;
  taskQueue: string;
  client: Client;
  /** Everything that says the worker did not run cleanly: empty when it never crashed. */
  workerTroubles(): Promise<string[]>;
}

/** Runs one fault case with a sandbox and worker of its own, on the shared Temporal server. */
export async function withCaseServices<T>(
  options: {
    name: string;
    paymentsEnv?: Record<string, string>;
    workerEnv?: Record<string, string>;
  },
  run: (services: CaseServices) => Promise<T>,
): Promise<T> {
  const { payments, worker, taskQueue, client, stop } = await startStack({
    name: options.name,
    payments: { sandbox: { env: options.paymentsEnv } },
    worker: { env: options.workerEnv },
  });
  try {
    return await run({
      payments: payments.sandbox.process,
      paymentsUrl: payments.sandbox.url,
      worker,
      taskQueue,
      client,
      workerTroubles: async () => [
        ...workerTroubles(worker),
        ...(await workflowTaskFailures(client, taskQueue)).map(
          (id) => `workflow task failed in ${id}`,
        ),
      ],
    });
  } finally {
    await stop();
  }
}
