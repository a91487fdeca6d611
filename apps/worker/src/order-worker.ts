import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import {
  createActivities,
  createPaymentsClient,
  openNotificationChannels,
  type NotificationSettings,
} from '@delivery/activities';
import type { OrderEventPublisher } from '@delivery/events';
import { tracingOptions, type WorkerTracing } from './tracing-options';
import { freshWorkflowBundle } from './workflow-bundle';

export interface OrderWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  paymentsUrl: string;
  notifications: NotificationSettings;
  /** Orders kept in memory between tasks, each about 0.75 MiB resident (docs/benchmarks.md). */
  maxCachedWorkflows: number;
  /** Workflow tasks and activities run at once (the SDK's defaults when unset). */
  concurrency?: { workflowTasks: number; activities: number };
  /** Where the spans of workflows and activities go (packages/observability). */
  tracing: WorkerTracing;
  /** Where the orders' changes are published for the sites' live pages. */
  events: OrderEventPublisher;
}

/** The `order` workflow and its activities, polling one task queue. */
export async function createOrderWorker(options: OrderWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowBundle: await freshWorkflowBundle(Runtime.instance().logger),
    activities: createActivities({
      payments: createPaymentsClient(options.paymentsUrl),
      notifications: openNotificationChannels(options.notifications),
      events: options.events,
    }),
    maxCachedWorkflows: options.maxCachedWorkflows,
    maxConcurrentWorkflowTaskExecutions: options.concurrency?.workflowTasks,
    maxConcurrentActivityTaskExecutions: options.concurrency?.activities,
    // In-flight activities get this long to finish on shutdown; the rest are retried elsewhere.
    shutdownGraceTime: '10 seconds',
    ...tracingOptions(options.tracing),
  });
}
