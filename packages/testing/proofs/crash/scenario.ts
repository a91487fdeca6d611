import type { Driver, OrderStatus } from '@delivery/common';
import type { Holds } from '@delivery/harness/ledger';
import type { ManagedProcess } from '@delivery/harness/managed-process';
import {
  acceptOrder,
  cancel,
  deliver,
  markReady,
  pickUp,
  rate,
  rejectOrder,
} from '@delivery/harness/order-actions';
import { startOrder } from '@delivery/harness/orders';
import { retryTransient } from '@delivery/harness/retry';
import type { OrderHandle } from '@delivery/workflows/client';
import type { OrderResult } from '@delivery/workflows/contract';
import type { CrashStack } from './crash-stack';
import { KillLog } from '@delivery/harness/kill-log';
import { until } from '@delivery/harness/until';
import {
  PATHS,
  RATING_DELAY_MS,
  cookedOrders,
  ordersOn,
  pickedUpOrders,
  planOrders,
  type Cohort,
  type PlannedOrder,
} from './plan';
import {
  authorized,
  captured,
  holdsRecorded,
  refundsRecorded,
  released,
  workflowsCounted,
} from './triggers';

const DRIVER: Driver = { id: 'crash-driver', name: 'Casey' };
export const RATING = { stars: 4, comment: 'Still warm after all that' };
const REJECTION = 'Out of fresh basil tonight.';

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
const aQuarterOf = (orders: PlannedOrder[]) => Math.ceil(orders.length / 4);
const sleepUntil = (at: number) =>
  new Promise<void>((r) => setTimeout(r, Math.max(0, at - Date.now())));
const deliveredAt = (status: OrderStatus) =>
  Date.parse(status.timeline.find((s) => s.state === 'Delivered')!.at);

/**
 * Runs `perPath` orders of every path in each of two waves while the worker, the payment sandbox
 * and the Temporal server are SIGKILLed, each kill timed on the step it targets: the worker and
 * the sandbox each die once while cards are authorized, once while holds are released and once
 * while holds are captured.
 */
export async function runCrashScenario(stack: CrashStack, perPath: number): Promise<CrashRun> {
  const startedAt = Date.now();
  const kills = new KillLog(startedAt);
  const plan = planOrders(perPath);
  const handles = new Map<string, OrderHandle>();
  const each = <T>(orders: PlannedOrder[], action: (handle: OrderHandle) => Promise<T>) =>
    orders.map((planned) => action(handles.get(planned.orderId)!));
  /** Waits until `atLeast` of `orders` have a hold that got where `reached` says. */
  const holdsReach = (
    orders: PlannedOrder[],
    reached: (holds: Holds) => boolean,
    what: string,
    atLeast = orders.length,
  ) => until(holdsRecorded(stack.paymentsUrl, idsOf(orders), reached, atLeast), what, 120_000, 250);
  /** A money step of the first wave is cut by a worker kill, of the second by a sandbox kill. */
  const waveKills: Array<[Cohort, ManagedProcess]> = [
    ['first', stack.worker],
    ['second', stack.payments],
  ];
  const startWave = async (cohort: Cohort) => {
    const wave = plan.filter((planned) => planned.cohort === cohort);
    await Promise.all(
      wave.map(async ({ orderId, path }) => {
        const { paymentMethod, windows } = PATHS[path];
        const { taskQueue, client } = stack;
        handles.set(
          orderId,
          await startOrder(client, { taskQueue, orderId, paymentMethod, windows }),
        );
      }),
    );
    return wave;
  };

  // Authorizing: the worker dies with the first wave's holds made but not yet answered, then
  // the sandbox with the second wave's.
  for (const [cohort, target] of waveKills) {
    const wave = await startWave(cohort);
    await holdsReach(
      wave,
      authorized,
      `a quarter of the ${cohort} wave authorized`,
      aQuarterOf(wave),
    );
    await kills.kill(target, 'authorizing');
  }

  // Releasing: once no card is still being authorized, customers cancel; the worker dies as
  // their holds are released, and the kitchen answers every other order while it is down.
  await until(
    workflowsCounted(
      stack.client,
      // A started order shows `Charging card` until its first task runs.
      `TaskQueue = '${stack.taskQueue}' AND OrderState IN ('Charging card', 'Authorizing card')`,
      0,
    ),
    'every card authorized or declined',
  );
  const cancelled = ordersOn(plan, 'cancelled by customer');
  await Promise.all(each(cancelled, cancel));
  await holdsReach(
    cancelled,
    released,
    'a quarter of the cancelled holds released',
    aQuarterOf(cancelled),
  );
  const rejected = ordersOn(plan, 'rejected by restaurant');
  let kitchenAnswers: Promise<OrderStatus>[] = [];
  await kills.kill(stack.worker, 'releasing', async () => {
    kitchenAnswers = [
      ...each(cookedOrders(plan), acceptOrder),
      ...each(rejected, (handle) => rejectOrder(handle, REJECTION)),
    ];
  });

  // Releasing: the sandbox dies as the rejected orders' holds are released.
  await holdsReach(
    rejected,
    released,
    'a quarter of the rejected holds released',
    aQuarterOf(rejected),
  );
  await kills.kill(stack.payments, 'releasing');

  // Capturing: the kitchen readies its orders; drivers pick up the first wave's and the worker
  // dies as their holds are captured, then the second wave's and the sandbox dies.
  await Promise.all(kitchenAnswers);
  await Promise.all(each(cookedOrders(plan), markReady));
  for (const [cohort, target] of waveKills) {
    const picked = pickedUpOrders(plan, cohort);
    await Promise.all(each(picked, (handle) => pickUp(handle, DRIVER)));
    await holdsReach(
      picked,
      captured,
      `a quarter of the ${cohort} wave's pickups captured`,
      aQuarterOf(picked),
    );
    await kills.kill(target, 'capturing');
  }

  // Notifying: once every pickup is captured, the worker dies as the first deliveries are
  // announced.
  await holdsReach(
    [...pickedUpOrders(plan, 'first'), ...pickedUpOrders(plan, 'second')],
    captured,
    'every pickup captured',
  );
  const beforeDeliveries = stack.worker.log.length;
  const delivered = ordersOn(plan, 'delivered and rated');
  const deliveries = each(delivered, (handle) => deliver(handle, DRIVER));
  await stack.worker.waitForOutput(/\[notify\] \S+ delivered:/, 120_000, beforeDeliveries);
  await kills.kill(stack.worker, 'notifying');

  // Sleeping before the rating: the worker stays down until the first rating timer is due.
  const ratingDue = (await Promise.all(deliveries)).map(
    (status) => deliveredAt(status) + RATING_DELAY_MS,
  );
  const ratingSleepsInterrupted = ratingDue.filter((due) => due > Date.now()).length;
  const afterRatingSleep = await kills.kill(stack.worker, 'sleeping before the rating', () =>
    sleepUntil(Math.min(...ratingDue) + 1_000),
  );
  // Customers rate once asked. A query that reaches a cold worker before the order's next task
  // lets the SDK run that task (here the rating timer) on an older task's clock, so the status
  // it stamps differs from a replay's: the SDK fault docs/actions.md tells of.
  const ratings = delivered.map(async ({ orderId }) => {
    await stack.worker.waitForOutput(
      new RegExp(`\\[notify\\] ${orderId} rating-requested:`),
      180_000,
      afterRatingSleep,
    );
    return rate(handles.get(orderId)!, RATING);
  });

  // Refunding: the worker dies as the orders not delivered in time are refunded.
  const late = idsOf(ordersOn(plan, 'delivery timeout'));
  await until(
    refundsRecorded(stack.paymentsUrl, late),
    'a refund for an order not delivered in time',
    180_000,
  );
  await kills.kill(stack.worker, 'refunding');

  // The Temporal server dies while the worker reports refunds and other orders wait on timers;
  // it stays down until the worker has noticed.
  await until(refundsRecorded(stack.paymentsUrl, late, late.size), 'every late order refunded');
  const workerLogAtServerKill = stack.worker.log.length;
  await kills.kill(stack.temporal, 'reporting refunds', () =>
    stack.worker.waitForOutput(/Unavailable|Connection refused/, 60_000, workerLogAtServerKill),
  );

  await Promise.all(ratings);
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
