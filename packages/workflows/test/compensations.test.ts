import { afterAll, describe, expect, inject, it } from 'vitest';
import { moneyMoved } from '@delivery/harness/ledger';
import { accepted, act } from '@delivery/harness/order-actions';
import { statesVisited, waitForState } from '@delivery/harness/orders';
import { readStatus } from '../src/client';
import { orderHarness, recordHistory, type OrderHarness } from './support/order-harness';

const dana = { id: 'dana', name: 'Dana' };
const harnesses: OrderHarness[] = [];
const harnessOn = async (paymentsUrl?: string) => {
  const harness = await orderHarness({ paymentsUrl });
  harnesses.push(harness);
  return harness;
};
afterAll(() => Promise.all(harnesses.map((harness) => harness.close())));

describe('a charge the provider commits after the client gave up', () => {
  it('is settled through its idempotency key and refunded once when the payment window ends', async () => {
    const harness = await harnessOn(inject('lateCommitPaymentsUrl'));
    await harness.withWorker(async () => {
      const handle = await harness.startOrder({ windows: { paymentWindowMs: 3_000 } });
      const final = await handle.result();
      expect(statesVisited(final)).toEqual(['Charging card', 'Refunding', 'Failed']);
      expect(final.chargeId).toMatch(/^ch_/);
      expect(final.refundId).toMatch(/^re_/);
      expect(await moneyMoved(harness.paymentsUrl, final.orderId)).toEqual({
        charges: 1,
        refunds: 1,
      });
      const told = final.notifications.map((n) => n.message).join(' ');
      expect(told).toMatch(/you have not been charged/);
      await recordHistory(handle, 'late-charge-settled-and-refunded');
    });
  });

  it('is settled and refunded once when an operator cancels the order while it is charged', async () => {
    const harness = await harnessOn(inject('lateCommitPaymentsUrl'));
    await harness.withWorker(async () => {
      const handle = await harness.startOrder();
      await new Promise((r) => setTimeout(r, 1_000));
      await handle.cancel();
      const final = await handle.result();
      expect(statesVisited(final)).toEqual(['Charging card', 'Refunding', 'Cancelled']);
      expect(await moneyMoved(harness.paymentsUrl, final.orderId)).toEqual({
        charges: 1,
        refunds: 1,
      });
      await recordHistory(handle, 'cancelled-by-operator-while-charging');
    });
  });
});

describe('a refund the provider refuses for good', () => {
  it('ends the order in Refund failed, tells the customer, and is found with one query', async () => {
    const harness = await harnessOn(inject('refusingRefundsPaymentsUrl'));
    await harness.withWorker(async () => {
      const handle = await harness.startOrder({ windows: { pickupWindowMs: 1_000 } });
      const final = await handle.result();
      expect(statesVisited(final)).toEqual(['Charging card', 'Paid', 'Refunding', 'Refund failed']);
      expect(final.open).toBe(false);
      expect(final.notifications.map((n) => n.event)).toContain('refund-failed');
      expect(await moneyMoved(harness.paymentsUrl, final.orderId)).toEqual({
        charges: 1,
        refunds: 0,
      });
      const query = `TaskQueue = '${harness.taskQueue}' AND OrderState = 'Refund failed'`;
      const deadline = Date.now() + 10_000;
      let found: string[] = [];
      while (found.length === 0 && Date.now() < deadline) {
        found = [];
        for await (const info of harness.client.workflow.list({ query }))
          found.push(info.workflowId);
        await new Promise((r) => setTimeout(r, 200));
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
      const handle = await harness.startOrder({ windows: { pickupWindowMs: 30_000 } });
      await waitForState(handle, 'Paid');
      const pickUp = { action: 'pickUp', driver: dana } as const;
      const [first, retried] = await Promise.all([
        act(handle, pickUp, 'tap-1'),
        act(handle, pickUp, 'tap-1'),
      ]);
      expect(first.outcome).toEqual({ accepted: true });
      expect(retried.outcome).toEqual({ accepted: true });
      // A new request is judged anew: the same driver already has it.
      expect((await act(handle, pickUp, 'tap-2')).outcome).toMatchObject({ accepted: false });
      const picked = (await readStatus(handle)).timeline.filter((e) => e.state === 'Picked up');
      expect(picked).toHaveLength(1);
      const notices = (await readStatus(handle)).notifications.filter(
        (n) => n.event === 'picked-up',
      );
      expect(notices.length).toBeLessThanOrEqual(1);
      await handle.terminate('test over');
    });
  });

  it('answer a retry after the order ended from its result', async () => {
    const harness = await harnessOn();
    const handle = await harness.withWorker(async () => {
      const order = await harness.startOrder();
      await waitForState(order, 'Paid');
      await accepted(order, { action: 'pickUp', driver: dana });
      await accepted(order, { action: 'deliver', driver: dana });
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
    const [delivered, cancelled] = await harness.withWorker(async () => {
      const one = await harness.startOrder({ windows: { ratingDelayMs: 0, ratingWindowMs: 500 } });
      const two = await harness.startOrder({ windows: { pickupWindowMs: 30_000 } });
      await waitForState(one, 'Paid');
      await accepted(one, { action: 'pickUp', driver: dana });
      await accepted(one, { action: 'deliver', driver: dana });
      await waitForState(two, 'Paid');
      await two.cancel();
      await Promise.all([one.result(), two.result()]);
      return [one, two];
    });
    expect((await readStatus(delivered)).state).toBe('Delivered');
    expect((await readStatus(cancelled)).state).toBe('Cancelled');
  });
});
