import { createRequire } from 'node:module';
import { NativeConnection, Worker } from '@temporalio/worker';
import {
  RecordingChannel,
  SentNotifications,
  createActivities,
  createPaymentsClient,
} from '@delivery/activities';

export interface OrderWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  paymentsUrl: string;
  notificationFailureRate: number;
  /** The durable record of sent notifications, shared by the workers of one machine. */
  notificationsDbPath: string;
  /** Workflows kept in memory between tasks; each open order costs about 1.4 MiB cached. */
  maxCachedWorkflows: number;
}

const workflowsPath = createRequire(import.meta.url).resolve('@delivery/workflows');

/** The `order` workflow and its activities, polling one task queue. */
export function createOrderWorker(options: OrderWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowsPath,
    activities: createActivities({
      payments: createPaymentsClient(options.paymentsUrl),
      notifications: new RecordingChannel({
        failureRate: options.notificationFailureRate,
        sent: new SentNotifications(options.notificationsDbPath),
      }),
    }),
    maxCachedWorkflows: options.maxCachedWorkflows,
    // In-flight activities get this long to finish on shutdown; the rest are retried elsewhere.
    shutdownGraceTime: '10 seconds',
  });
}
