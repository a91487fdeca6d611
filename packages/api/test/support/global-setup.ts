import type { TestProject } from 'vitest/node';
import { startStack } from '@delivery/harness/stack';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    taskQueue: string;
    paymentsUrl: string;
    /** Where the suite's worker publishes order events (ORDER_EVENTS_*), for the API's feeds. */
    orderEvents: Record<string, string>;
  }
}

/** Real Temporal (reused if one answers), the payments sandbox and one worker on its own queue. */
export default async function setup(project: TestProject) {
  const stack = await startStack({ name: 'api', payments: { sandbox: {} }, worker: {} });
  project.provide('temporalAddress', stack.temporalAddress);
  project.provide('taskQueue', stack.taskQueue);
  project.provide('paymentsUrl', stack.payments.sandbox.url);
  project.provide('orderEvents', stack.orderEvents);
  return stack.stop;
}
