import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import {
  bundleWorkflowCode,
  NativeConnection,
  Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { inject } from 'vitest';
import { RecordingChannel, createActivities, createPaymentsClient } from '@delivery/activities';
import {
  priceItems,
  type OrderInput,
  type OrderState,
  type OrderStatus,
  type OrderWindows,
  type PaymentMethodId,
} from '@delivery/common';
import { CustomerIdKey, OrderStateKey } from '@delivery/workflows/contract';
import { repoRoot, uniqueTaskQueue } from '@delivery/harness/stack';
import { ORDER_CLIENT_OPTIONS, readStatus, requestAction } from '../../src/client';
import type { OrderAction, RequestAnswer } from '../../src/messages';
import type { order } from '../../src';

const here = dirname(fileURLToPath(import.meta.url));
export const workflowsPath = join(here, '../../src/index.ts');
export const historiesDir = join(here, '../fixtures/histories');
/** Where new recordings go: orders whose actions are requests and whose notifications finish quietly. */
const recordingsDir = join(historiesDir, 'v3-quiet-notifications');

/** Short windows so every path of an order runs in seconds. */
export const SHORT_WINDOWS: OrderWindows = {
  paymentWindowMs: 30_000,
  pickupWindowMs: 3_000,
  deliveryWindowMs: 3_000,
  ratingDelayMs: 500,
  ratingWindowMs: 4_000,
};

export interface OrderHarness {
  client: Client;
  taskQueue: string;
  paymentsUrl: string;
  startOrder(options?: {
    orderId?: string;
    paymentMethod?: PaymentMethodId;
    windows?: Partial<OrderWindows>;
  }): Promise<WorkflowHandle<typeof order>>;
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

export async function orderHarness(options: { paymentsUrl?: string } = {}): Promise<OrderHarness> {
  const address = inject('temporalAddress');
  const paymentsUrl = options.paymentsUrl ?? inject('paymentsUrl');
  const connection = await Connection.connect({ address });
  const nativeConnection = await NativeConnection.connect({ address });
  const client = new Client({ connection, namespace: 'default', workflow: ORDER_CLIENT_OPTIONS });
  const taskQueue = uniqueTaskQueue('order-test');

  return {
    client,
    taskQueue,
    paymentsUrl,
    startOrder: (options = {}) => startTestOrder(client, { taskQueue, ...options }),
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
        }),
      });
      return worker.runUntil(fn);
    },
    async close() {
      await connection.close();
      await nativeConnection.close();
    },
  };
}

export type OrderHandle = WorkflowHandle<typeof order>;

/** Starts an order of two pizzas and a ramen for a new customer. */
export function startTestOrder(
  client: Client,
  {
    taskQueue,
    orderId = randomUUID(),
    paymentMethod = 'pm_card_visa',
    windows = SHORT_WINDOWS,
  }: {
    taskQueue: string;
    orderId?: string;
    paymentMethod?: PaymentMethodId;
    windows?: Partial<OrderWindows>;
  },
): Promise<OrderHandle> {
  const customerId = randomUUID();
  const input: OrderInput = {
    orderId,
    customerId,
    ...priceItems([
      { productId: 'margherita', quantity: 2 },
      { productId: 'ramen', quantity: 1 },
    ]),
    paymentMethod,
    windows,
  };
  return client.workflow.start<typeof order>('order', {
    workflowId: `order-${orderId}`,
    taskQueue,
    args: [input],
    typedSearchAttributes: [
      { key: CustomerIdKey, value: customerId },
      { key: OrderStateKey, value: 'Charging card' },
    ],
  });
}

export const status = readStatus;

/** Sends an action as the sites do; `requestId` defaults to a new one. */
export const act = (
  handle: OrderHandle,
  action: OrderAction,
  requestId: string = randomUUID(),
  options?: Parameters<typeof requestAction>[2],
): Promise<RequestAnswer> => requestAction(handle, { ...action, requestId }, options);

/** The reason an action was refused; fails the test if it was accepted. */
export async function refusal(handle: OrderHandle, action: OrderAction): Promise<string> {
  const { outcome } = await act(handle, action);
  if (outcome.accepted) throw new Error(`${action.action} was accepted`);
  return outcome.refusal.message;
}

/** Sends an action that must be accepted, and returns the status right after it. */
export async function accepted(handle: OrderHandle, action: OrderAction): Promise<OrderStatus> {
  const { outcome, status: after } = await act(handle, action);
  if (!outcome.accepted)
    throw new Error(`${action.action} was refused: ${outcome.refusal.message}`);
  return after;
}

/** Polls the order's status until `predicate` holds, failing with the last status seen. */
export async function waitFor(
  handle: WorkflowHandle<typeof order>,
  predicate: (status: OrderStatus) => boolean,
  timeoutMs = 30_000,
): Promise<OrderStatus> {
  const deadline = Date.now() + timeoutMs;
  let last: OrderStatus | undefined;
  while (Date.now() < deadline) {
    last = await status(handle);
    if (predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `order ${handle.workflowId} never got there; last status: ${JSON.stringify(last)}`,
  );
}

export const waitForState = (
  handle: WorkflowHandle<typeof order>,
  state: OrderState,
  timeoutMs?: number,
) => waitFor(handle, (s) => s.state === state, timeoutMs);

export const statesVisited = (s: OrderStatus): OrderState[] =>
  s.timeline.map((entry) => entry.state);

/** With RECORD_HISTORIES=1, keeps the order's history as a replay fixture named `name`. */
export async function recordHistory(
  handle: WorkflowHandle<typeof order>,
  name: string,
): Promise<void> {
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
