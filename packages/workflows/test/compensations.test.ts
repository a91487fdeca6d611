import { afterAll, describe, expect, inject, it } from 'vitest';
import {
  act,
  deliver,
  pickedUp,
  preparing,
  readyForPickup,
  rejectOrder,
} from '@delivery/harness/order-actions';
import { statesVisited, waitForState } from '@delivery/harness/orders';
import { readStatus, type OrderHandle } from '../src/client';
import {
  TRAIL,
  expectHoldReleased,
  expectTrail,
  pathTo,
  patientExcept,
  told,
  type ReleasedEnd,
} from './support/order-ends';
import { orderHarness, recordHistory, type OrderHarness } from './support/order-harness';
import { dana } from './support/people';

const harnesses: OrderHarness[] = [];
const harnessOn = async (paymentsUrl?: string) => {
  const harness = await orderHarness({ paymentsUrl });
  harnesses.push(harness);
  return harness;
};
afterAll(() => Promise.all(harnesses.map((harness) => harness.close())));

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

const CANCELLED_BY_OPERATOR = {
  state: 'Cancelled',
  event: 'cancelled',
  failureReason: /^The order was cancelled by our team\.$/,
} as const;

describe('an authorization the provider commits after the client gave up', () => {
  it('is settled through its idempotency key and released once when the payment window ends', async () => {
    const harness = await harnessOn(inject('lateCommitPaymentsUrl'));
    await harness.withWorker(async () => {
      const handle = await harness.startOrder({ windows: { paymentWindowMs: 3_000 } });
      const final = await handle.result();
      expect(final.paymentIntentId).toMatch(/^pi_/);
      await expectHoldReleased(harness.paymentsUrl, final, {
        reached: 'Authorizing card',
        state: 'Failed',
        event: 'payment-failed',
        failureReason: /^The payment provider did not answer in time\.$/,
      });
      await recordHistory(handle, 'authorization-unanswered-settled');
    });
  });

  it('is settled and released once when an operator cancels the order while its card is being authorized', async () => {
    const harness = await harnessOn(inject('lateCommitPaymentsUrl'));
    await harness.withWorker(async () => {
      const handle = await harness.startOrder();
      await pause(1_000);
      expect((await readStatus(handle)).state).toBe('Authorizing card');
      await handle.cancel();
      const final = await handle.result();
      await expectHoldReleased(harness.paymentsUrl, final, {
        reached: 'Authorizing card',
        ...CANCELLED_BY_OPERATOR,
      });
      await recordHistory(handle, 'cancelled-by-operator-while-authorizing');
    });
  });
});

/** Where an operator's cancel finds the order before a driver has it, and how it gets there. */
const BEFORE_PICKUP: {
  stage: ReleasedEnd['reached'];
  name: string;
  reach(handle: OrderHandle): Promise<unknown>;
}[] = [
  {
    stage: 'Waiting for restaurant',
    name: 'cancelled-by-operator-waiting',
    reach: (handle) => waitForState(handle, 'Waiting for restaurant'),
  },
  { stage: 'Preparing', name: 'cancelled-by-operator-preparing', reach: (h) => preparing(h, 10) },
  {
    stage: 'Ready for pickup',
    name: 'cancelled-by-operator-ready',
    reach: (handle) => readyForPickup(handle),
  },
];

describe('an operator who cancels the workflow itself', () => {
  it.each(BEFORE_PICKUP)('releases the hold in $stage', async ({ stage, name, reach }) => {
    const harness = await harnessOn();
    await harness.withWorker(async () => {
      const handle = await harness.startOrder({ windows: patientExcept() });
      await reach(handle);
      await handle.cancel();
      // The order completes with its status, so its page reads it without a worker.
      const final = await handle.result();
      await expectHoldReleased(harness.paymentsUrl, final, {
        reached: stage,
        ...CANCELLED_BY_OPERATOR,
      });
      await recordHistory(handle, name);
    });
  });

  it('captures and refunds once a driver has the food', async () => {
    const harness = await harnessOn();
    await harness.withWorker(async () => {
      const handle = await harness.startOrder({ windows: patientExcept() });
      await pickedUp(handle, dana);
      await handle.cancel();
      const final = await handle.result();
      expect(statesVisited(final)).toEqual([...pathTo('Picked up'), 'Refunding', 'Cancelled']);
      expect(final.money).toBe('refunded');
      expect(told(final, 'cancelled')).toBe('Your order was cancelled and refunded.');
      await expectTrail(harness.paymentsUrl, final, TRAIL.refunded);
      await recordHistory(handle, 'cancelled-by-operator-picked-up');
    });
  });
});

describe('a refund the provider refuses for good', () => {
  it('ends the order in Refund failed, tells the customer, and is found with one query', async () => {
    const harness = await harnessOn(inject('refusingRefundsPaymentsUrl'));
    await harness.withWorker(async () => {
      const handle = await harness.startOrder({ windows: patientExcept('deliveryWindowMs') });
      await pickedUp(handle, dana);
      const final = await handle.result();
      expect(statesVisited(final)).toEqual([...pathTo('Picked up'), 'Refunding', 'Refund failed']);
      expect(final.open).toBe(false);
      expect(final.money).toBe('refund failed');
      expect(told(final, 'refund-failed')).toMatch(/could not refund your payment automatically/);
      await expectTrail(harness.paymentsUrl, final, TRAIL.captured);
      const query = `TaskQueue = '${harness.taskQueue}' AND OrderState = 'Refund failed'`;
      const deadline = Date.now() + 10_000;
      let found: string[] = [];
      while (found.length === 0 && Date.now() < deadline) {
        found = [];
        for await (const info of harness.client.workflow.list({ query }))
          found.push(info.workflowId);
        await pause(200);
      }
      expect(found).toEqual([handle.workflowId]);
      await recordHistory(handle, 'refund-failed');
    });
  });
});

describe('requests', () => {
  it('apply a retried request once and answer the retry with the first outcome', async () => {
    const harness = await harnessOn();
    await harness.withWorker(async () => {
      const handle = await harness.startOrder({ windows: patientExcept() });
      await readyForPickup(handle);
      const pickUp = { action: 'pickUp', driver: dana } as const;
      const [first, retried] = await Promise.all([
        act(handle, pickUp, 'tap-1'),
        act(handle, pickUp, 'tap-1'),
      ]);
      expect(first.outcome).toEqual({ accepted: true });
      expect(retried.outcome).toEqual({ accepted: true });
      // A new request is judged anew: the same driver already has it.
      expect((await act(handle, pickUp, 'tap-2')).outcome).toMatchObject({ accepted: false });
      const status = await readStatus(handle);
      expect(status.timeline.filter((e) => e.state === 'Picked up')).toHaveLength(1);
      expect(
        status.notifications.filter((n) => n.event === 'picked-up').length,
      ).toBeLessThanOrEqual(1);
      await handle.terminate('test over');
    });
  });

  it('answer a retry after the order ended from its result', async () => {
    const harness = await harnessOn();
    const handle = await harness.withWorker(async () => {
      const order = await harness.startOrder({ windows: patientExcept() });
      await pickedUp(order, dana);
      await deliver(order, dana);
      const rate = { action: 'rate', rating: { stars: 4 } } as const;
      expect((await act(order, rate, 'rate-1')).outcome).toEqual({ accepted: true });
      await order.result();
      return order;
    });
    // No worker runs now: the ended order answers from its result.
    const retry = await act(handle, { action: 'rate', rating: { stars: 4 } }, 'rate-1');
    expect(retry.outcome).toEqual({ accepted: true });
    expect(retry.status.rating?.stars).toBe(4);
    const late = await act(handle, { action: 'rate', rating: { stars: 1 } }, 'rate-2');
    expect(late.outcome).toMatchObject({ accepted: false, refusal: { message: /already rated/ } });
  });
});

describe('an ended order', () => {
  it('shows its status while no worker runs, whichever way it ended', async () => {
    const harness = await harnessOn();
    const [delivered, rejected, cancelled] = await harness.withWorker(async () => {
      const windows = { ...patientExcept(), ratingDelayMs: 0, ratingWindowMs: 500 };
      const start = () => harness.startOrder({ windows });
      const [one, two, three] = [await start(), await start(), await start()];
      await pickedUp(one, dana);
      await deliver(one, dana);
      await waitForState(two, 'Waiting for restaurant');
      await rejectOrder(two, 'Closed for a private party.');
      await preparing(three, 10);
      await three.cancel();
      await Promise.all([one.result(), two.result(), three.result()]);
      return [one, two, three];
    });
    expect((await readStatus(delivered)).state).toBe('Delivered');
    expect((await readStatus(rejected)).state).toBe('Rejected');
    expect((await readStatus(cancelled)).state).toBe('Cancelled');
  });
});
