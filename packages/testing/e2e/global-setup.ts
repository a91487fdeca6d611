import type { ManagedProcess } from '@delivery/harness/managed-process';
import { portAnswers } from '@delivery/harness/ports';
import {
  nextSite,
  orderWorker,
  paymentsService,
  temporalAddress,
  temporalServer,
  uniqueTaskQueue,
} from '@delivery/harness/stack';
import { E2E_PORTS } from './ports';

/** Temporal (reused if the test run has one), payments, a worker and both production sites. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const started: ManagedProcess[] = [];
  const taskQueue = uniqueTaskQueue('e2e');
  const windows = {
    ORDER_PICKUP_WINDOW_MS: '120000',
    ORDER_DELIVERY_WINDOW_MS: '120000',
    ORDER_RATING_DELAY_MS: '1000',
    ORDER_RATING_WINDOW_MS: '600000',
  };
  try {
    if (!(await portAnswers(temporalAddress()))) started.push(await temporalServer().start());
    const paymentsUrl = `http://127.0.0.1:${E2E_PORTS.payments}`;
    started.push(await paymentsService({ port: E2E_PORTS.payments }).start());
    started.push(await orderWorker({ taskQueue, paymentsUrl }).start());
    started.push(await nextSite('menu', { port: E2E_PORTS.menu, taskQueue, env: windows }).start());
    started.push(await nextSite('driver', { port: E2E_PORTS.driver, taskQueue }).start());
  } catch (error) {
    for (const process of started.reverse()) await process.stop();
    throw error;
  }
  return async () => {
    for (const process of started.reverse()) await process.stop();
  };
}
