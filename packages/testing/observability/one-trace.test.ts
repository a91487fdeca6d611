import { randomUUID } from 'node:crypto';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { NativeConnection } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  configFromEnv,
  createMenuContext,
  createRouteHandler,
  createServices,
  menuRouter,
  type ApiServices,
} from '@delivery/api';
import { startStack, type Stack } from '@delivery/harness/stack';
import { tempFile } from '@delivery/harness/services';
import { orderEventBusFromEnv, type OrderEventBus } from '@delivery/events';
import { startTracing } from '@delivery/observability';
import { createOrderWorker } from '@delivery/worker/order-worker';
import { workflowIdOf } from '@delivery/workflows/contract';

/** Every span of this process, the API's and the worker's, kept in memory as it ends. */
const exporter = new InMemorySpanExporter();
const tracing = startTracing({ serviceName: 'observability-test', exporter });

type TraceStack = Stack<{ name: string; payments: { sandbox: object } }>;
let stack: TraceStack;
let services: ApiServices;
let connection: NativeConnection;
let events: OrderEventBus;

beforeAll(async () => {
  stack = await startStack({ name: 'observability-trace', payments: { sandbox: {} } });
  services = createServices(
    configFromEnv({
      TEMPORAL_ADDRESS: stack.temporalAddress,
      TASK_QUEUE: stack.taskQueue,
      SESSION_SECRET: 'observability-test-secret',
      ACCOUNTS_DB_PATH: stack.accountsDbPath,
      ...stack.orderEvents,
      // Nobody answers for the restaurant: the order ends (rejected, hold released) by itself.
      ORDER_RESTAURANT_WINDOW_MS: '1000',
    }),
  );
  connection = await NativeConnection.connect({ address: stack.temporalAddress });
  events = orderEventBusFromEnv(stack.orderEvents);
});

afterAll(async () => {
  await services?.temporal.close();
  services?.accountsDatabase.close();
  await connection?.close();
  await events?.close();
  await stack?.stop();
  await tracing.shutdown();
});

const menu = () =>
  createRouteHandler({
    endpoint: '/api/trpc',
    router: menuRouter,
    createContext: (options) => createMenuContext(options, services),
  });

/** Places an order over the menu's real route handler, as the site's page would. */
const placeOrder = (orderId: string) =>
  menu()(
    new Request('http://localhost/api/trpc/createOrder', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ orderId, items: [{ productId: 'margherita', quantity: 1 }] }),
    }),
  );

async function spanNamed(name: string, timeoutMs = 15_000): Promise<ReadableSpan> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const span = exporter.getFinishedSpans().find((candidate) => candidate.name === name);
    if (span) return span;
    if (Date.now() > deadline) {
      const seen = exporter.getFinishedSpans().map((candidate) => candidate.name);
      throw new Error(`no span "${name}" within ${timeoutMs} ms; spans: ${seen.join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('one order, one trace', () => {
  it('links the request, the start, the run and each activity in one trace', async () => {
    const worker = await createOrderWorker({
      connection,
      namespace: 'default',
      taskQueue: stack.taskQueue,
      paymentsUrl: stack.payments.sandbox.url,
      notifications: {
        failureRate: 0,
        notificationsDbPath: tempFile('observability-notifications-', 'notifications.sqlite'),
        webPush: null,
      },
      maxCachedWorkflows: 10,
      tracing,
      events,
    });
    const orderId = randomUUID();

    const chain = await worker.runUntil(async () => {
      expect((await placeOrder(orderId)).status).toBe(200);
      const result = await stack.client.workflow.getHandle(workflowIdOf(orderId)).result();
      expect(result.state).toBe('Rejected');
      // A workflow's own spans leave the sandbox through a sink, as its tasks complete.
      return Promise.all(
        [
          'trpc createOrder',
          'StartWorkflow:order',
          'RunWorkflow:order',
          'StartActivity:authorizePayment',
          'RunActivity:authorizePayment',
        ].map((name) => spanNamed(name)),
      );
    });

    const spans = exporter.getFinishedSpans();
    const traces = new Set(spans.map((span) => span.spanContext().traceId));
    expect(traces.size, `spans: ${spans.map((span) => span.name).join(', ')}`).toBe(1);

    const [request, ...rest] = chain;
    expect(request?.parentSpanId).toBeUndefined();
    rest.forEach((span, index) =>
      expect(span.parentSpanId, `parent of ${span.name}`).toBe(chain[index]?.spanContext().spanId),
    );
    expect(request?.attributes).toMatchObject({
      'rpc.system': 'trpc',
      'rpc.method': 'createOrder',
      'http.response.status_code': 200,
    });
    const activity = chain.at(-1);
    expect(activity?.attributes).toMatchObject({ temporalWorkflowId: workflowIdOf(orderId) });
    expect(activity?.resource.attributes['service.name']).toBe('observability-test');
  });
});
