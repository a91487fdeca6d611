import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { paymentsUrl, readNumber, readRate, taskQueue } from '@delivery/common/env';
import { temporalConnectConfig } from '@delivery/common/temporal-connection';
import { orderEventBusFromEnv } from '@delivery/events';
import { createLogger, serviceName, startTracing, type Logger } from '@delivery/observability';
import { connectWithin } from './connect';
import { metricsAddress } from './metrics-address';
import { createOrderWorker } from './order-worker';
import { webPushSettings } from './push-settings';
import { installRuntime } from './runtime-telemetry';

const DEFAULT_NOTIFICATIONS_DB = fileURLToPath(
  new URL('../.data/notifications.sqlite', import.meta.url),
);

const SERVICE = serviceName('delivery-worker');

/** JSON lines from the start; a LOG_LEVEL it cannot use stops the worker with a plain message. */
function startLogger(): Logger {
  try {
    return createLogger(SERVICE);
  } catch (error) {
    console.error(`[worker] ${(error as Error).message}`);
    process.exit(1);
  }
}

const log = startLogger();

async function main(): Promise<void> {
  const metrics = metricsAddress(process.env);
  installRuntime({ log, metricsAddress: metrics });
  const tracing = startTracing({ serviceName: SERVICE });
  const notificationsDbPath = process.env.NOTIFICATIONS_DB_PATH || DEFAULT_NOTIFICATIONS_DB;
  mkdirSync(dirname(notificationsDbPath), { recursive: true });
  const webPush = webPushSettings(process.env);
  // ORDER_EVENTS_URL (NATS) or ORDER_EVENTS_DB_PATH (the file the sites on this machine read).
  const events = orderEventBusFromEnv(process.env, (message) => log.warn(message));
  const { connectionOptions, namespace } = temporalConnectConfig();
  const connection = await connectWithin(
    connectionOptions,
    readNumber('TEMPORAL_CONNECT_TIMEOUT_MS', 10_000),
  );
  const worker = await createOrderWorker({
    connection,
    namespace,
    taskQueue: taskQueue(),
    paymentsUrl: paymentsUrl(),
    notifications: {
      failureRate: readRate('NOTIFICATION_FAILURE_RATE'),
      notificationsDbPath,
      webPush,
    },
    // About 0.75 MiB resident per cached order (docs/benchmarks.md): 500 keeps a worker under 1 GiB
    // however many orders are open; an evicted order is replayed on its next task.
    maxCachedWorkflows: readNumber('WORKER_MAX_CACHED_WORKFLOWS', 500),
    // The SDK's own defaults; docs/deploy.md says when to raise them.
    concurrency: {
      workflowTasks: readNumber('WORKER_MAX_CONCURRENT_WORKFLOW_TASKS', 40),
      activities: readNumber('WORKER_MAX_CONCURRENT_ACTIVITIES', 100),
    },
    tracing,
    events,
  });
  log.info(
    {
      taskQueue: taskQueue(),
      address: connectionOptions.address,
      namespace,
      paymentsUrl: paymentsUrl(),
      webPush: Boolean(webPush),
      metrics: metrics ? `http://${metrics}/metrics` : null,
      tracing: tracing.enabled,
    },
    `polling task queue "${taskQueue()}" on ${connectionOptions.address} ` +
      `(namespace ${namespace}); payments at ${paymentsUrl()}; ` +
      `Web Push ${webPush ? 'on' : 'off (no VAPID keys)'}`,
  );
  // SIGINT and SIGTERM make run() resolve after a graceful shutdown.
  try {
    await worker.run();
  } finally {
    await connection.close();
    await events.close();
    await tracing.shutdown();
  }
  log.info('stopped');
}

main().catch((error: unknown) => {
  log.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
