import { fileURLToPath } from 'node:url';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { BASELINE_TASK_QUEUE, TEMPORAL_ADDRESS } from '../config';

// Bundled here, so the bundle finds @temporalio/workflow among this app's own dependencies.
const workflowsPath = fileURLToPath(new URL('./baseline-workflow.ts', import.meta.url));

/** Runs `fn` while an in-process worker completes the `baseline` workflows it starts. */
export async function withBaselineWorker<T>(fn: () => Promise<T>): Promise<T> {
  // The SDK logs every bundling step and state change at INFO; the bench's own lines are enough.
  // Ctrl-C is the bench's to handle: it stops its whole stack, this worker with the process.
  Runtime.install({ logger: new DefaultLogger('ERROR'), shutdownSignals: [] });
  const connection = await NativeConnection.connect({ address: TEMPORAL_ADDRESS });
  try {
    const worker = await Worker.create({
      connection,
      taskQueue: BASELINE_TASK_QUEUE,
      workflowsPath,
    });
    return await worker.runUntil(fn);
  } finally {
    await connection.close();
  }
}
