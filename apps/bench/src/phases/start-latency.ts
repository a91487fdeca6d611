import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { Customer } from '../actors/customer';
import { BARE_WORKFLOWS, withBareWorker } from '../baseline/baseline-worker';
import { BASELINE_TASK_QUEUE, SAMPLES } from '../config';
import { summarize, timed, timeEach, type LatencySummary } from '../measure/latency';
import { ApiOrders } from '../orders/api-orders';
import { benchOrderInput } from '../orders/order-input';
import { ratio } from '../measure/ratio';
import { progress } from '../progress';

export interface StartLatency {
  /** `client.workflow.start` of a workflow that does nothing: what Temporal alone costs. */
  bareStart: LatencySummary;
  /**
   * The API's `placeOrder` called in the bench's own process: createOrder's Temporal work (the
   * order's start with its memo and search attributes) without the site in front of it.
   */
  placeOrder: LatencySummary;
  /** The menu's `products` over HTTP: what a request to the site costs with no Temporal call. */
  siteFloor: LatencySummary;
  /** `createOrder` through the menu site's HTTP API, from request to answer. */
  createOrder: LatencySummary;
  /** createOrder over the bare start, at each percentile. */
  ratio: Ratios;
  /** placeOrder over the bare start: the part of the ratio that is Temporal's, not the site's. */
  placeOrderRatio: Ratios;
}

type Ratios = { p50: number; p95: number; p99: number };

function ratiosOf(latency: LatencySummary, baseline: LatencySummary): Ratios {
  return {
    p50: ratio(latency.p50, baseline.p50),
    p95: ratio(latency.p95, baseline.p95),
    p99: ratio(latency.p99, baseline.p99),
  };
}

/** The same calls in a random order. */
function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/**
 * The baseline, `placeOrder`, the site's floor and `createOrder`, one call at a time and
 * interleaved: each turn makes one of each, in a random order. An order keeps the worker busy for
 * a moment after it is started, and other work on the machine comes and goes; interleaving at
 * random lays both on every series alike, where measuring one series after another would not.
 */
export async function measureStartLatency(client: Client): Promise<StartLatency> {
  const orders = new ApiOrders();
  const customer = new Customer();
  const series = [
    () =>
      client.workflow.start('baseline', {
        taskQueue: BASELINE_TASK_QUEUE,
        workflowId: `baseline-${randomUUID()}`,
      }),
    () => orders.place(benchOrderInput()),
    () => customer.products(),
    () => customer.createOrder(),
  ].map((call) => ({ call, samples: [] as number[] }));

  try {
    return await withBareWorker(BARE_WORKFLOWS.baseline, async () => {
      // The baseline first: it is what the others are compared with.
      for (const { call } of series) await timeEach(SAMPLES.warmup, call);
      for (let turn = 1; turn <= SAMPLES.starts; turn += 1) {
        for (const { call, samples } of shuffled(series)) samples.push(await timed(call));
        if (turn % 50 === 0) progress(`  ${turn} of ${SAMPLES.starts} of each`);
      }
      const [bareStart, placed, siteFloor, created] = series.map(({ samples }) =>
        summarize(samples),
      ) as [LatencySummary, LatencySummary, LatencySummary, LatencySummary];
      return {
        bareStart,
        placeOrder: placed,
        siteFloor,
        createOrder: created,
        ratio: ratiosOf(created, bareStart),
        placeOrderRatio: ratiosOf(placed, bareStart),
      };
    });
  } finally {
    await orders.close();
  }
}
