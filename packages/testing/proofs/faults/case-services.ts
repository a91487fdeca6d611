import type { Client } from '@temporalio/client';
import { startOrderServices, type OrderServices } from '../../src/order-services';
import { temporalClient } from '@delivery/harness/stack';
import { workerTroubles } from '../../src/worker-health';
import { workflowTaskFailures } from '../../src/workflow-health';
import { ORDER_CLIENT_OPTIONS } from '@delivery/workflows/client';

export interface CaseServices extends OrderServices {
  client: Client;
  /** Everything that says the worker did not run cleanly: empty when it never crashed. */
  workerTroubles(): Promise<string[]>;
}

/** Runs one fault case with a sandbox and worker of its own, on the shared Temporal server. */
export async function withCaseServices<T>(
  options: Parameters<typeof startOrderServices>[0],
  run: (services: CaseServices) => Promise<T>,
): Promise<T> {
  const services = await startOrderServices(options);
  const { client, close } = await temporalClient(undefined, ORDER_CLIENT_OPTIONS);
  try {
    return await run({
      ...services,
      client,
      workerTroubles: async () => [
        ...workerTroubles(services.worker),
        ...(await workflowTaskFailures(client, services.taskQueue)).map(
          (id) => `workflow task failed in ${id}`,
        ),
      ],
    });
  } finally {
    await close();
    await services.stop();
  }
}
