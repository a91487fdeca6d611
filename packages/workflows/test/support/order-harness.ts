import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import {
  bundleWorkflowCode,
  NativeConnection,
  Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { inject } from 'vitest';
import { RecordingChannel, createActivities, createPaymentsClient } from '@delivery/activities';
import type { OrderWindows } from '@delivery/common';
import { EmbeddedOrderEventBus, type OrderEventBus } from '@delivery/events';
import { startOrder, type NewOrder } from '@delivery/harness/orders';
import { repoRoot } from '@delivery/harness/repo-root';
import { uniqueTaskQueue } from '@delivery/harness/stack';
import { ORDER_CLIENT_OPTIONS, type OrderHandle } from '../../src/client';

const here = dirname(fileURLToPath(import.meta.url));
export const workflowsPath = join(here, '../../src/index.ts');
export const historiesDir = join(here, '../fixtures/histories');
/** Where new recordings go: orders that go through the kitchen and publish their events. */
const recordingsDir = join(historiesDir, 'v5-order-events');

/** Short windows so every path of an order runs in seconds. */
export const SHORT_WINDOWS: OrderWindows = {
  paymentWindowMs: 30_000,
  restaurantWindowMs: 3_000,
  preparationGraceMs: 3_000,
  pickupWindowMs: 3_000,
  deliveryWindowMs: 3_000,
  ratingDelayMs: 500,
  ratingWindowMs: 4_000,
};

export interface OrderHarness {
  client: Client;
  taskQueue: string;
  paymentsUrl: string;
  /** Where the harness's workers publish order events: an embedded file of its own. */
  events: OrderEventBus;
  /** Starts an order on the harness's task queue, with SHORT_WINDOWS unless told otherwise. */
  startOrder(options?: Omit<NewOrder, 'taskQueue'>): Promise<OrderHandle>;
  /** Runs `fn` while a worker with real activities polls the harness's task queue. */
  withWorker<T>(fn: () => Promise<T>, options?: { notificationFailureRate?: number }): Promise<T>;
  close(): Promise<void>;
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
export const workflowBundle = () =>
  (bundle ??= bundleWorkflowCode({ workflowsPath, logger: quietLogger }));

export const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};

/** An order-event bus in a new embedded file, as one machine's worker and sites share. */
export const testEventBus = (): OrderEventBus =>
  new EmbeddedOrderEventBus(join(mkdtempSync(join(tmpdir(), 'order-events-')), 'events.sqlite'));

export async function orderHarness(options: { paymentsUrl?: string } = {}): Promise<OrderHarness> {
  const address = inject('temporalAddress');
  const paymentsUrl = options.paymentsUrl ?? inject('paymentsUrl');
  const connection = await Connection.connect({ address });
  const nativeConnection = await NativeConnection.connect({ address });
  const client = new Client({ connection, namespace: 'default', workflow: ORDER_CLIENT_OPTIONS });
  const taskQueue = uniqueTaskQueue('order-test');
  const events = testEventBus();

  return {
    client,
    taskQueue,
    paymentsUrl,
    events,
    startOrder: (options = {}) =>
      startOrder(client, { taskQueue, windows: SHORT_WINDOWS, ...options }),
    async withWorker(fn, { notificationFailureRate = 0 } = {}) {
      const worker = await Worker.create({
        connection: nativeConnection,
        taskQueue,
        workflowBundle: await workflowBundle(),
        activities: createActivities({
          payments: createPaymentsClient(paymentsUrl),
          notifications: new RecordingChannel({
            failureRate: notificationFailureRate,
            log: () => undefined,
          }),
          events,
        }),
      });
      return worker.runUntil(fn);
    },
    async close() {
      await connection.close();
      await nativeConnection.close();
      await events.close();
    },
  };
}

/** With RECORD_HISTORIES=1, keeps the order's history as a replay fixture named `name`. */
export async function recordHistory(handle: OrderHandle, name: string): Promise<void> {
  if (!process.env.RECORD_HISTORIES) return;
  mkdirSync(recordingsDir, { recursive: true });
  // The Temporal CLI's JSON export, the same form `temporal workflow show -o json` gives anyone.
  const cli = execFileSync(process.execPath, [join(repoRoot, 'scripts/temporal.mjs'), 'cli'], {
    encoding: 'utf8',
  }).trim();
  const history = execFileSync(
    cli,
    [
      'workflow',
      'show',
      '--workflow-id',
      handle.workflowId,
      '--address',
      inject('temporalAddress'),
      '--output',
      'json',
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  writeFileSync(join(recordingsDir, `${name}.json`), history);
}
