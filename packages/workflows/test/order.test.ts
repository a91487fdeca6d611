import { randomUUID } from 'node:crypto';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAPPY_PATH } from '@delivery/common';
import { holdsOf, moneyMoved } from '@delivery/harness/ledger';
import { accepted, act, readyForPickup, refusal } from '@delivery/harness/order-actions';
import { statesVisited, waitForState, waitForStatus } from '@delivery/harness/orders';
import { readStatus } from '../src/client';
import { WORKFLOW_TYPE, workflowIdOf } from '../src/contract';
import { deliveredSignal, pickUpUpdate, pickedUpSignal } from '../src/messages';
import { orderHarness, recordHistory, type OrderHarness } from './support/order-harness';

const dana = { id: 'dana', name: 'Dana' };
const sam = { id: 'sam', name: 'Sam' };

let harness: OrderHarness;
beforeAll(async () => {
  harness = await orderHarness();
});
afterAll(() => harness.close());

describe('order workflow against a real Temporal server', () => {
  it('goes from payment to delivery and accepts one rating', () =>
    harness.withWorker(async () => {
      const handle = await harness.startOrder();
      const waiting = await waitForState(handle, 'Waiting for restaurant');
      expect(waiting.paymentIntentId).toMatch(/^pi_/);
      expect(waiting.money).toBe('authorized');
      expect(waiting.deadline?.kind).toBe('restaurant');
      const ready = await readyForPickup(handle, 15);
      expect(ready.restaurant).toMatchObject({ answer: 'accepted', prepMinutes: 15 });
      expect(ready.deadline?.kind).toBe('pickup');

      const pickedUp = await accepted(handle, { action: 'pickUp', driver: dana });
      expect(pickedUp.money).toBe('authorized');
      const delivered = await accepted(handle, { action: 'deliver', driver: dana });
      expect(delivered.state).toBe('Delivered');
      expect(delivered.driver).toEqual(dana);

      const rated = await accepted(handle, {
        action: 'rate',
        rating: { stars: 5, comment: 'Hot and fast' },
      });
      expect(rated.rating).toMatchObject({ stars: 5, comment: 'Hot and fast' });
      const final = await handle.result();
      // Rated, the order has nothing left to wait for: a second rating finds it ended.
      expect(await refusal(handle, { action: 'rate', rating: { stars: 1 } })).toMatch(
        /already rated/,
      );
      expect(statesVisited(final)).toEqual([...HAPPY_PATH]);
      expect(final.open).toBe(false);
      expect(final.money).toBe('captured');
      expect(final.notifications.map((n) => n.event)).toEqual(
        expect.arrayContaining(['placed', 'accepted', 'ready', 'picked-up', 'delivered']),
      );
      expect(await moneyMoved(harness.paymentsUrl, final.orderId)).toEqual({
        charges: 1,
        refunds: 0,
      });
      expect(await holdsOf(harness.paymentsUrl, final.orderId)).toMatchObject({
        authorized: 1,
        captured: 1,
      });
      // The query still answers once the order has ended.
      expect((await readStatus(handle)).rating?.stars).toBe(5);
      await recordHistory(handle, 'delivered-and-rated');
    }));

  it('asks for a rating after the delay and closes when the rating window ends', () =>
    harness.withWorker(async () => {
      const handle = await harness.startOrder();
      await waitForState(handle, 'Paid');
      await handle.signal(pickedUpSignal);
      await waitForState(handle, 'Picked up');
      await handle.signal(deliveredSignal);
      const asked = await waitForStatus(handle, (s) => s.ratingRequested);
      expect(asked.state).toBe('Delivered');
      const final = await handle.result();
      expect(final.rating).toBeNull();
      expect(final.driver).toEqual({ id: 'operator', name: 'Operator' });
      expect(final.notifications.map((n) => n.event)).toContain('rating-requested');
      await recordHistory(handle, 'delivered-by-signals-unrated');
    }));

  it('ends Failed with a notification and no charge when the card is declined', () =>
    harness.withWorker(async () => {
      for (const paymentMethod of [
        'pm_card_chargeDeclined',
        'pm_card_chargeDeclinedInsufficientFunds',
      ] as const) {
        const handle = await harness.startOrder({ paymentMethod });
        const final = await handle.result();
        expect(final.state).toBe('Failed');
        expect(final.failureReason).toMatch(/declined|insufficient/i);
        expect(final.notifications.map((n) => n.event)).toEqual(['payment-failed']);
        expect(await moneyMoved(harness.paymentsUrl, final.orderId)).toEqual({
          charges: 0,
          refunds: 0,
        });
        if (paymentMethod === 'pm_card_chargeDeclined')
          await recordHistory(handle, 'card-declined');
      }
    }));

  it('refunds exactly once when no driver picks the order up in time', () =>
    harness.withWorker(async () => {
      const handle = await harness.startOrder();
      const final = await handle.result();
      expect(statesVisited(final)).toEqual(['Charging card', 'Paid', 'Refunding', 'Refunded']);
      expect(final.refundId).toMatch(/^re_/);
      expect(final.failureReason).toMatch(/picked the order up in time/);
      expect(await moneyMoved(harness.paymentsUrl, final.orderId)).toEqual({
        charges: 1,
        refunds: 1,
      });
      await recordHistory(handle, 'pickup-timeout');
    }));

  it('refunds exactly once when the order is not delivered in time', () =>
    harness.withWorker(async () => {
      const handle = await harness.startOrder();
      await waitForState(handle, 'Paid');
      await accepted(handle, { action: 'pickUp', driver: dana });
      const final = await handle.result();
      expect(statesVisited(final)).toEqual([
        'Charging card',
        'Paid',
        'Picked up',
        'Refunding',
        'Refunded',
      ]);
      expect(await moneyMoved(harness.paymentsUrl, final.orderId)).toEqual({
        charges: 1,
        refunds: 1,
      });
      await recordHistory(handle, 'delivery-timeout');
    }));

  it('cancels and refunds while Paid, and refuses to cancel after pickup', () =>
    harness.withWorker(async () => {
      const cancelled = await harness.startOrder();
      await waitForState(cancelled, 'Paid');
      const answer = await accepted(cancelled, { action: 'cancel' });
      expect(answer.state).toBe('Refunding');
      const final = await cancelled.result();
      expect(final.state).toBe('Cancelled');
      expect(await moneyMoved(harness.paymentsUrl, final.orderId)).toEqual({
        charges: 1,
        refunds: 1,
      });
      await recordHistory(cancelled, 'cancelled');

      const pickedUp = await harness.startOrder();
      await waitForState(pickedUp, 'Paid');
      await accepted(pickedUp, { action: 'pickUp', driver: dana });
      expect(await refusal(pickedUp, { action: 'cancel' })).toMatch(/Too late to cancel/);
      expect((await readStatus(pickedUp)).state).toBe('Picked up');
      await pickedUp.terminate('test over');
    }));

  it('refuses actions in the wrong state or by the wrong driver, with a reason', () =>
    harness.withWorker(async () => {
      const handle = await harness.startOrder({
        windows: { pickupWindowMs: 30_000, deliveryWindowMs: 30_000 },
      });
      await waitForState(handle, 'Paid');
      expect(await refusal(handle, { action: 'deliver', driver: dana })).toMatch(
        /not been picked up/,
      );
      expect(await refusal(handle, { action: 'rate', rating: { stars: 4 } })).toMatch(
        /Only a delivered/,
      );
      expect(await refusal(handle, { action: 'pickUp', driver: { id: '', name: '' } })).toMatch(
        /driver needs/,
      );
      // Updates are refused now: none can meet a cold worker (docs/actions.md).
      await expect(handle.executeUpdate(pickUpUpdate, { args: [dana] })).rejects.toThrow(
        WorkflowUpdateFailedError,
      );

      const race = await Promise.all([
        act(handle, { action: 'pickUp', driver: dana }),
        act(handle, { action: 'pickUp', driver: sam }),
      ]);
      expect(race.filter((answer) => answer.outcome.accepted)).toHaveLength(1);
      const loser = race.find((answer) => !answer.outcome.accepted)!.outcome;
      expect(loser.accepted === false && loser.refusal.message).toMatch(
        /Picked up by another driver \((Dana|Sam)\)/,
      );

      const winner = (await readStatus(handle)).driver!;
      const other = winner.id === dana.id ? sam : dana;
      expect(await refusal(handle, { action: 'deliver', driver: other })).toMatch(
        new RegExp(`Only ${winner.name} can deliver`),
      );
      // A signal that cannot take effect is dropped, not a failed workflow task.
      await handle.signal(deliveredSignal, other);
      await handle.signal(pickedUpSignal, { id: 42 } as never);
      expect((await readStatus(handle)).state).toBe('Picked up');
      await accepted(handle, { action: 'deliver', driver: winner });
      expect(await refusal(handle, { action: 'deliver', driver: winner })).toMatch(
        /already delivered/,
      );
      await recordHistory(handle, 'requests-refusals-and-race');
      await handle.terminate('test over');
    }));

  it('refunds when an operator cancels the workflow itself', () =>
    harness.withWorker(async () => {
      const handle = await harness.startOrder();
      await waitForState(handle, 'Paid');
      await handle.cancel();
      // The order completes with its status, so its page reads it without a worker.
      const final = await handle.result();
      expect(statesVisited(final)).toEqual(['Charging card', 'Paid', 'Refunding', 'Cancelled']);
      expect(final.open).toBe(false);
      expect(await moneyMoved(harness.paymentsUrl, final.orderId)).toEqual({
        charges: 1,
        refunds: 1,
      });
      await recordHistory(handle, 'cancelled-by-operator-completes');
    }));

  it('treats the same order id started twice as one order', () =>
    harness.withWorker(async () => {
      const orderId = randomUUID();
      const first = await harness.startOrder({ orderId });
      await expect(harness.startOrder({ orderId })).rejects.toBeInstanceOf(
        WorkflowExecutionAlreadyStartedError,
      );
      await waitForState(first, 'Paid');
      expect(await moneyMoved(harness.paymentsUrl, orderId)).toEqual({ charges: 1, refunds: 0 });
      await first.terminate('test over');
    }));

  it('fails cleanly, without a stuck workflow task, when started with bad input', () =>
    harness.withWorker(async () => {
      const handle = await harness.client.workflow.start(WORKFLOW_TYPE, {
        workflowId: workflowIdOf(randomUUID()),
        taskQueue: harness.taskQueue,
        args: [{ orderId: 'x', lines: 'not a list' }],
      });
      await expect(handle.result()).rejects.toThrow(/failed/);
      const { status: executionStatus } = await handle.describe();
      expect(executionStatus.name).toBe('FAILED');
    }));
});
