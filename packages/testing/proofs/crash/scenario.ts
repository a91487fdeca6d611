import type { Driver, OrderStatus } from '@delivery/common';
import type { OrderHandle } from '@delivery/workflows/client';
import type { OrderResult } from '@delivery/workflows/contract';
import { cancel, deliver, pickUp, rate } from '@delivery/harness/order-actions';
import { startOrder, waitForStatus } from '@delivery/harness/orders';
import { retryTransient } from '@delivery/harness/retry';
import type { CrashStack } from './crash-stack';
import { KillLog } from './kill-log';
import {
  PATHS,
  RATING_DELAY_MS,
  ordersOn,
  planOrders,
  type Cohort,
  type PlannedOrder,
} from './plan';
import { chargesRecorded, refundsRecorded, until, workflowsCounted } from './triggers';

const DRIVER: Driver = { id: 'crash-driver', name: 'Casey' };
export const RATING = { stars: 4, comment: 'Still warm after all that' };

export interface CrashRun {
  plan: PlannedOrder[];
  handles: Map<string, OrderHandle>;
  results: Map<string, OrderResult>;
  kills: KillLog;
  /** Rated orders whose rating delay had not yet run out when the worker was killed. */
  ratingSleepsInterrupted: number;
  durationMs: number;
}

const idsOf = (orders: PlannedOrder[]) => new Set(orders.map((planned) => planned.orderId));
const sleepUntil = (at: number) =>
  new Promise<void>((r) => setTimeout(r, Math.max(0, at - Date.now())));
const deliveredAt = (status: OrderStatus) =>
  Date.parse(status.timeline.find((s) => s.state === 'Delivered')!.at);

/**
 * Runs `perPath` orders of every path in each of two waves while the worker, the payment sandbox
 * and the Temporal server are SIGKILLed, each kill timed on the step it targets.
 */
export async function runCrashScenario(stack: CrashStack, perPath: number): Promise<CrashRun> {
  const startedAt = Date.now();
  const kills = new KillLog(startedAt);
  const plan = planOrders(perPath);
  const handles = new Map<string, OrderHandle>();
  const handleOf = (planned: PlannedOrder) => handles.get(planned.orderId)!;
  const startWave = async (cohort: Cohort) => {
    const wave = plan.filter((planned) => planned.cohort === cohort);
    await Promise.all(
      wave.map(async ({ orderId, path }) => {
        const { paymentMethod, windows } = PATHS[path];
        handles.set(
          orderId,
          await startOrder(stack.client, {
            taskQueue: stack.taskQueue,
            orderId,
            paymentMethod,
            windows,
          }),
        );
      }),
    );
    return idsOf(wave);
  };

  // Charging: the worker dies with the first wave's charges committed but not yet answered.
  const firstWave = await startWave('first');
  await until(
    chargesRecorded(stack.paymentsUrl, firstWave, firstWave.size / 4),
    'a quarter of the first wave charged',
  );
  await kills.kill(stack.worker, 'charging');

  // Charging: the sandbox dies with the second wave's charges in flight.
  const secondWave = await startWave('second');
  await until(
    chargesRecorded(stack.paymentsUrl, secondWave, secondWave.size / 4),
    'a quarter of the second wave charged',
  );
  await kills.kill(stack.payments, 'charging');

  // Waiting for pickup: once no card is still being charged, the drivers and customers act
  // while the worker is down.
  await until(
    workflowsCounted(
      stack.client,
      `TaskQueue = '${stack.taskQueue}' AND OrderState = 'Charging card'`,
      0,
    ),
    'every card charged or declined',
  );
  let deliveries: Promise<OrderStatus>[] = [];
  let otherActions: Promise<OrderStatus>[] = [];
  const afterPickupKill = await kills.kill(stack.worker, 'waiting for pickup', async () => {
    deliveries = ordersOn(plan, 'delivered and rated').map((planned) =>
      pickUp(handleOf(planned), DRIVER).then(() => deliver(handleOf(planned), DRIVER)),
    );
    otherActions = [
      ...ordersOn(plan, 'delivery timeout').map((planned) => pickUp(handleOf(planned), DRIVER)),
      ...ordersOn(plan, 'cancelled while paid').map((planned) => cancel(handleOf(planned))),
    ];
  });

  // Notifying: the worker dies as the first pickups and cancellations are announced.
  await stack.worker.waitForOutput(
    /\[notify\] \S+ (picked-up|cancelled):/,
    120_000,
    afterPickupKill,
  );
  await kills.kill(stack.worker, 'notifying');

  // Sleeping before the rating: the worker stays down until the first rating timer is due.
  const ratingDue = (await Promise.all(deliveries)).map(
    (status) => deliveredAt(status) + RATING_DELAY_MS,
  );
  const ratingSleepsInterrupted = ratingDue.filter((due) => due > Date.now()).length;
  await kills.kill(stack.worker, 'sleeping before the rating', () =>
    sleepUntil(Math.min(...ratingDue) + 1_000),
  );
  const ratings = ordersOn(plan, 'delivered and rated').map(async (planned) => {
    await waitForStatus(handleOf(planned), (status) => status.ratingRequested, {
      timeoutMs: 180_000,
      intervalMs: 1_000,
    });
    return rate(handleOf(planned), RATING);
  });

  // Refunding: the worker dies as the orders nobody picked up are refunded.
  const unpicked = idsOf(ordersOn(plan, 'pickup timeout'));
  await until(
    refundsRecorded(stack.paymentsUrl, unpicked),
    'a refund for an order nobody picked up',
    180_000,
  );
  await kills.kill(stack.worker, 'refunding');

  // The Temporal server dies while the worker reports refunds and other orders wait on timers;
  // it stays down until the worker has noticed.
  await until(
    refundsRecorded(stack.paymentsUrl, unpicked, unpicked.size),
    'every unpicked order refunded',
  );
  const workerLogAtServerKill = stack.worker.log.length;
  await kills.kill(stack.temporal, 'reporting refunds', () =>
    stack.worker.waitForOutput(/Unavailable|Connection refused/, 60_000, workerLogAtServerKill),
  );

  await Promise.all([...otherActions, ...ratings]);
  const results = new Map<string, OrderResult>();
  for (const [orderId, handle] of handles)
    results.set(orderId, await retryTransient(() => handle.result(), 300_000));
  return {
    plan,
    handles,
    results,
    kills,
    ratingSleepsInterrupted,
    durationMs: Date.now() - startedAt,
  };
}
