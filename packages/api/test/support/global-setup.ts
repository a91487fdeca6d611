import type { TestProject } from 'vitest/node';
import type { ManagedProcess } from '@delivery/harness/managed-process';
import { freePort, portAnswers } from '@delivery/harness/ports';
import {
  orderWorker,
  paymentsService,
  temporalAddress,
  temporalServer,
  uniqueTaskQueue,
} from '@delivery/harness/stack';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    taskQueue: string;
    paymentsUrl: string;
  }
}

/** Real Temporal (reused if one answers), the payments sandbox and one worker on its own queue. */
export default async function setup(project: TestProject) {
  const started: ManagedProcess[] = [];
  // Kept before it is ready, so a process that fails to get ready is stopped too.
  const launch = (child: ManagedProcess) => {
    started.push(child);
    return child.start();
  };
  const stopAll = async () => {
    for (const child of started.reverse()) await child.stop();
  };
  try {
    const address = temporalAddress();
    if (!(await portAnswers(address))) await launch(temporalServer());
    const paymentsPort = await freePort();
    const paymentsUrl = `http://127.0.0.1:${paymentsPort}`;
    await launch(paymentsService({ port: paymentsPort }));
    const taskQueue = uniqueTaskQueue('api');
    await launch(orderWorker({ taskQueue, paymentsUrl }));
    project.provide('temporalAddress', address);
    project.provide('taskQueue', taskQueue);
    project.provide('paymentsUrl', paymentsUrl);
  } catch (error) {
    await stopAll();
    throw error;
  }
  return stopAll;
}
