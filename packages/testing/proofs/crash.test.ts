import { WorkflowClient } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderEventBusFromEnv } from '@delivery/events';
import { allCharges, moneyByOrder, paymentIntentsFor } from '@delivery/harness/ledger';
import { statesVisited } from '@delivery/harness/orders';
import { workerTroubles } from '@delivery/harness/worker-health';
import { workflowTaskFailures } from '@delivery/harness/workflow-health';
import { readStatus } from '@delivery/workflows/client';
import { getStatusQuery, workflowIdOf } from '@delivery/workflows/contract';
import { startCrashStack, type CrashStack } from './crash/crash-stack';
import { PATHS } from './crash/plan';
import { unreplayableHistories } from './crash/replay';
import { printCrashReport, tallyCrashRun, type CrashTally } from './crash/report';
import { RATING, runCrashScenario, type CrashRun } from './crash/scenario';
import { until } from '@delivery/harness/until';
import { workflowsCounted } from './crash/triggers';

/** Six paths, two waves: 96 orders in flight. */
const ORDERS_PER_PATH_PER_WAVE = 8;

let stack: CrashStack;
let run: CrashRun;
let tally: CrashTally;

beforeAll(async () => {
  stack = await startCrashStack();
  console.log(`[crash] Temporal keeps this run's histories in ${stack.temporalDb}`);
  run = await runCrashScenario(stack, ORDERS_PER_PATH_PER_WAVE);
  tally = await tallyCrashRun(stack, run);
  printCrashReport(run, tally);
}, 480_000);

afterAll(() => stack?.stop());

describe('orders survive SIGKILLs of the worker, the payment sandbox and the Temporal server', () => {
  it('loses no order: Temporal lists every one by id, completed', async () => {
    const query = `TaskQueue = '${stack.taskQueue}'`;
    await until(
      workflowsCounted(stack.client, `${query} AND ExecutionStatus = 'Completed'`, run.plan.length),
      'every order completed in Visibility',
      30_000,
    );
    const listed: string[] = [];
    for await (const execution of stack.client.workflow.list({ query }))
      listed.push(execution.workflowId);
    expect(listed.sort()).toEqual(run.plan.map(({ orderId }) => workflowIdOf(orderId)).sort());
    for (const { orderId } of run.plan) {
      const described = await stack.client.workflow.getHandle(workflowIdOf(orderId)).describe();
      expect(described.status.name, orderId).toBe('COMPLETED');
    }
  });

  it('ends every order in the state its events dictate', () => {
    for (const { orderId, path } of run.plan) {
      const result = run.results.get(orderId)!;
      const label = `${path} order ${orderId}`;
      expect(statesVisited(result), label).toEqual(PATHS[path].states);
      expect(result.open, label).toBe(false);
      if (path === 'delivered and rated') {
        expect(result.ratingRequested, label).toBe(true);
        expect(result.rating, label).toMatchObject(RATING);
      }
    }
  });

  it('replays the history of every order with the workflow code as it is', async () => {
    expect(await unreplayableHistories(stack.client, stack.taskQueue)).toEqual([]);
  });

  it('publishes every order’s final state as its latest event, through the kills', async () => {
    const events = orderEventBusFromEnv(stack.orderEvents);
    try {
      for (const { orderId, path } of run.plan) {
        const { outcomes: _outcomes, ...returned } = run.results.get(orderId)!;
        expect((await events.latest(orderId))?.status, `${path} order ${orderId}`).toEqual(
          returned,
        );
      }
    } finally {
      await events.close();
    }
  });

  it('answers getStatus after the end with what the order returned, from the result and replayed', async () => {
    // A client that lets the worker replay ended orders, where the API's reads their results.
    const replaying = new WorkflowClient({ connection: stack.client.connection });
    for (const { orderId, path } of run.plan) {
      const { outcomes: _outcomes, ...returned } = run.results.get(orderId)!;
      const label = `${path} order ${orderId}`;
      expect(await readStatus(run.handles.get(orderId)!), label).toEqual(returned);
      // A replay that read the workflow clock differently from the run would differ here.
      const replayed = await replaying.getHandle(workflowIdOf(orderId)).query(getStatusQuery);
      expect(replayed, label).toEqual(returned);
    }
  });

  it('pushes each notification once, whatever was killed', () => {
    expect(tally.pushesSentAgain).toBe(0);
  });

  it("leaves each order's hold where its path leads", () => {
    for (const { orderId, path } of run.plan) {
      const label = `${path} order ${orderId}`;
      expect(tally.holds.get(orderId), label).toEqual(PATHS[path].holds);
      expect(run.results.get(orderId)!.money, label).toBe(PATHS[path].money);
    }
  });

  it('authorizes each accepted card once, captures only what a driver picked up, and releases every other hold', () => {
    for (const { orderId, path } of run.plan) {
      const result = run.results.get(orderId)!;
      const accepted = result.money !== 'not charged';
      const pickedUp = statesVisited(result).includes('Picked up');
      expect(tally.holds.get(orderId), `${path} order ${orderId}`).toEqual({
        authorized: accepted ? 1 : 0,
        held: 0,
        captured: pickedUp ? 1 : 0,
        released: accepted && !pickedUp ? 1 : 0,
      });
    }
  });

  it('moves money once: a charge per captured hold, a refund per order not delivered in time, none for a declined card', async () => {
    const money = await moneyByOrder(stack.paymentsUrl);
    for (const { orderId, path } of run.plan) {
      expect(money.get(orderId) ?? { charges: 0, refunds: 0 }, `${path} order ${orderId}`).toEqual(
        PATHS[path].moved,
      );
    }
    const planned = new Set(run.plan.map(({ orderId }) => orderId));
    expect([...money.keys()].filter((orderId) => !planned.has(orderId))).toEqual([]);
  });

  it('records in each order the very hold, charge and refund the ledger holds', async () => {
    for (const { orderId } of run.plan) {
      const held = (await paymentIntentsFor(stack.paymentsUrl, orderId)).filter(
        (intent) => intent.status !== 'requires_payment_method',
      );
      expect(run.results.get(orderId)!.paymentIntentId, orderId).toBe(held[0]?.id ?? null);
    }
    for (const charge of (await allCharges(stack.paymentsUrl)).filter(
      (c) => c.status === 'succeeded',
    )) {
      const result = run.results.get(charge.order_id)!;
      expect(result.chargeId, charge.order_id).toBe(charge.id);
      expect(result.refundId, charge.order_id).toBe(charge.refunds.data[0]?.id ?? null);
    }
  });

  it('lands every kill in the middle of its step', () => {
    expect(run.kills.count('worker')).toBe(6);
    expect(run.kills.count('payments')).toBe(3);
    expect(run.kills.count('temporal')).toBe(1);
    for (const [cut, count] of Object.entries(tally.cut)) expect(count, cut).toBeGreaterThan(0);
    expect(run.ratingSleepsInterrupted, 'rating delays cut by the worker kill').toBeGreaterThan(0);
  });

  it('never fails a workflow task, whatever was killed', async () => {
    expect(await workflowTaskFailures(stack.client, stack.taskQueue)).toEqual([]);
    expect(workerTroubles(stack.worker, run.kills.count('worker'))).toEqual([]);
  });
});
