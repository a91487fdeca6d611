import { fileURLToPath } from 'node:url';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { BASELINE_TASK_QUEUE, ORDER_SHAPED_TASK_QUEUE, TEMPORAL_ADDRESS } from '../config';
import { noOpActivities } from './no-op-activities';

// Bundled here, so the bundle finds @temporalio/workflow among this app's own dependencies.
const bundled = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

export interface BareWorkflows {
  taskQueue: string;
  workflowsPath: string;
  activities?: object;
}

/** What the bench's in-process workers run, each on a task queue of its own. */
export const BARE_WORKFLOWS = {
  /** `baseline`, the least a workflow can be: timed against the order's start. */
  baseline: { taskQueue: BASELINE_TASK_QUEUE, workflowsPath: bundled('./baseline-workflow.ts') },
  /** `orderShaped`, the order's happy path doing nothing: the throughput ceiling. */
  orderShaped: {
    taskQueue: ORDER_SHAPED_TASK_QUEUE,
    workflowsPath: bundled('./order-shaped-workflow.ts'),
    activities: noOpActivities,
  },
} satisfies Record<string, BareWorkflows>;

let runtimeInstalled = false;

/** Runs `fn` while an in-process worker completes the `workflows` it starts. */
export async function withBareWorker<T>(
  workflows: BareWorkflows,
  fn: () => Promise<T>,
): Promise<T> {
  // The runtime is installed once per process, however many workers the phases run.
  // The SDK logs every bundling step and state change at INFO; the bench's own lines are enough.
  // Ctrl-C is the bench's to handle: it stops its whole stack, this worker with the process.
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('ERROR'), shutdownSignals: [] });
    runtimeInstalled = true;
  }
  const connection = await NativeConnection.connect({ address: TEMPORAL_ADDRESS });
  try {
    const worker = await Worker.create({ connection, ...workflows });
    return await worker.runUntil(fn);
  } finally {
    await connection.close();
  }
}
