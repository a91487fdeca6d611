import type { Client } from '@temporalio/client';
import { WORKFLOW_TYPE } from '@delivery/workflows/contract';

const CONCURRENCY = 20;

/** Terminates every running order, so the next measurement starts from none. */
export async function clearOrders(client: Client): Promise<number> {
  const workflowIds: string[] = [];
  for await (const execution of client.workflow.list({
    query: `WorkflowType='${WORKFLOW_TYPE}' AND ExecutionStatus='Running'`,
  })) {
    workflowIds.push(execution.workflowId);
  }
  const cleared = workflowIds.length;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let workflowId = workflowIds.pop(); workflowId; workflowId = workflowIds.pop()) {
        await client.workflow.getHandle(workflowId).terminate('bench: next measurement');
      }
    }),
  );
  return cleared;
}
