import { createRequire } from 'node:module';
import type { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';

const workflowsPath = createRequire(import.meta.url).resolve('@delivery/workflows');

/**
 * Replays the history of every workflow on `taskQueue` with the workflow code as it is now.
 * Returns `workflowId: error` for each that does not replay: a worker that lost its cache
 * could no longer run that workflow.
 */
export async function unreplayableHistories(client: Client, taskQueue: string): Promise<string[]> {
  async function* histories() {
    for await (const { workflowId } of client.workflow.list({
      query: `TaskQueue = '${taskQueue}'`,
    })) {
      yield { workflowId, history: await client.workflow.getHandle(workflowId).fetchHistory() };
    }
  }
  const failures: string[] = [];
  for await (const { workflowId, error } of Worker.runReplayHistories(
    { workflowsPath },
    histories(),
  )) {
    if (error)
      failures.push(`${workflowId}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return failures;
}
