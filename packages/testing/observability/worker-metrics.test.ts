import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrder } from '@delivery/harness/orders';
import { freePort, localUrl } from '@delivery/harness/ports';
import { startStack, type Stack } from '@delivery/harness/stack';
import { workflowIdOf } from '@delivery/workflows/contract';
import { samplesNamed, samplesOf, type Sample } from './prometheus-text';

type MetricsStack = Stack<{
  name: string;
  payments: { sandbox: object };
  worker: { env: Record<string, string> };
}>;
let stack: MetricsStack;
let metricsUrl: string;

beforeAll(async () => {
  const port = await freePort();
  metricsUrl = `${localUrl(port)}/metrics`;
  stack = await startStack({
    name: 'observability-metrics',
    payments: { sandbox: {} },
    worker: { env: { WORKER_METRICS_ADDRESS: `127.0.0.1:${port}`, LOG_LEVEL: 'debug' } },
  });
});

afterAll(() => stack?.stop());

describe('the worker process', () => {
  it("serves the SDK's metrics at WORKER_METRICS_ADDRESS, and logs JSON lines naming the order", async () => {
    const handle = await startOrder(stack.client, {
      taskQueue: stack.taskQueue,
      // Nobody answers for the restaurant: the order ends (rejected, hold released) by itself.
      windows: { restaurantWindowMs: 1_000 },
    });
    expect((await handle.result()).state).toBe('Rejected');

    const response = await fetch(metricsUrl);
    expect(response.status).toBe(200);
    const samples = samplesOf(await response.text());
    const onQueue = { task_queue: stack.taskQueue, namespace: 'default' };
    const total = (found: Sample[]) => found.reduce((sum, sample) => sum + sample.value, 0);
    expect(
      total(
        samplesNamed(samples, 'temporal_workflow_completed', {
          ...onQueue,
          workflow_type: 'order',
        }),
      ),
    ).toBe(1);
    expect(
      total(
        samplesNamed(samples, 'temporal_activity_execution_latency_count', {
          ...onQueue,
          activity_type: 'authorizePayment',
        }),
      ),
    ).toBe(1);
    expect(
      total(samplesNamed(samples, 'temporal_workflow_task_execution_latency_count', onQueue)),
    ).toBeGreaterThan(0);

    // The SDK hands log lines on in batches (a tenth of a second), so the last may still come.
    await stack.worker.waitForOutput(
      new RegExp(`"workflowId":"${handle.workflowId}".*"msg":"Workflow completed"`),
      10_000,
    );
    const aboutTheOrder = stack.worker.log
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.workflowId === handle.workflowId);
    expect(aboutTheOrder.map((line) => line.msg)).toEqual(
      expect.arrayContaining(['Workflow started', 'Activity completed', 'Workflow completed']),
    );
    expect(aboutTheOrder.map((line) => line.activityType)).toContain('authorizePayment');
    for (const line of aboutTheOrder) {
      expect(line).toMatchObject({ service: 'delivery-worker', orderId: expect.any(String) });
      expect(workflowIdOf(line.orderId as string)).toBe(handle.workflowId);
    }
  });
});
