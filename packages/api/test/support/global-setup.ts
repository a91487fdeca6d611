import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';
import { ManagedProcess } from '@delivery/harness/managed-process';
import { portAnswers } from '@delivery/harness/ports';
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

/** A port nobody listens on yet, so this suite never collides with another one running. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** The harness's worker, ready once its (multi-line) RUNNING log line appears. */
function workerProcess(taskQueue: string, paymentsUrl: string): ManagedProcess {
  const { spec } = orderWorker({ taskQueue, paymentsUrl });
  return new ManagedProcess({
    ...spec,
    ready: (worker) => worker.waitForOutput(/Worker state changed[^}]*RUNNING/, 120_000),
  });
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
    await launch(workerProcess(taskQueue, paymentsUrl));
    project.provide('temporalAddress', address);
    project.provide('taskQueue', taskQueue);
    project.provide('paymentsUrl', paymentsUrl);
  } catch (error) {
    await stopAll();
    throw error;
  }
  return stopAll;
}
