import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

const { EVENT_TYPE_WORKFLOW_TASK_FAILED } = temporal.api.enums.v1.EventType;

/** Ids of the workflows on `taskQueue` whose history holds a failed workflow task. */
export async function workflowTaskFailures(client: Client, taskQueue: string): Promise<string[]> {
  const failing: string[] = [];
  for await (const execution of client.workflow.list({ query: `TaskQueue = '${taskQueue}'` })) {
    const history = await client.workflow
      .getHandle(execution.workflowId, execution.runId)
      .fetchHistory();
    if (history.events?.some((event) => event.eventType === EVENT_TYPE_WORKFLOW_TASK_FAILED)) {
      failing.push(execution.workflowId);
    }
  }
  return failing;
}
