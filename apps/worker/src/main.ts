import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { paymentsUrl, readNumber, readRate, taskQueue } from '@delivery/common/env';
import { temporalConnectConfig } from '@delivery/common/temporal-connection';
import { connectWithin } from './connect';
import { createOrderWorker } from './order-worker';
import { webPushSettings } from './push-settings';

const DEFAULT_NOTIFICATIONS_DB = fileURLToPath(
  new URL('../.data/notifications.sqlite', import.meta.url),
);

async function main(): Promise<void> {
  const notificationsDbPath = process.env.NOTIFICATIONS_DB_PATH || DEFAULT_NOTIFICATIONS_DB;
  mkdirSync(dirname(notificationsDbPath), { recursive: true });
  const webPush = webPushSettings(process.env);
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
    maxCachedWorkflows: readNumber('WORKER_MAX_CACHED_WORKFLOWS', 1_000),
  });
  console.log(
    `[worker] polling task queue "${taskQueue()}" on ${connectionOptions.address} ` +
      `(namespace ${namespace}); payments at ${paymentsUrl()}; ` +
      `Web Push ${webPush ? 'on' : 'off (no VAPID keys)'}`,
  );
  // SIGINT and SIGTERM make run() resolve after a graceful shutdown.
  try {
    await worker.run();
  } finally {
    await connection.close();
  }
  console.log('[worker] stopped');
}

main().catch((error: unknown) => {
  console.error(`[worker] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
