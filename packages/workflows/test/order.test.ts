import { randomUUID } from 'node:crypto';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAPPY_PATH } from '@delivery/common';
import {
  KITCHEN,
  accepted,
  act,
  pickedUp,
  readyForPickup,
  refusal,
} from '@delivery/harness/order-actions';
import { statesVisited, waitForState, waitForStatus } from '@delivery/harness/orders';
import { readStatus } from '../src/client';
import { WORKFLOW_TYPE, workflowIdOf } from '../src/contract';
import { deliveredSignal, pickUpUpdate, pickedUpSignal } from '../src/messages';
import { orderHarness, recordHistory, type OrderHarness } from './support/order-harness';
import { TRAIL, expectTrail, pathTo, patientExcept, told } from './support/order-ends';
import { dana, sam } from './support/people';

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
      expect(final.chargeId).toMatch(/^ch_/);
      expect(final.notifications.map((n) => n.event)).toEqual(
        expect.arrayContaining(['placed', 'accepted', 'ready', 'picked-up', 'delivered']),
      );
      expect(told(final, 'placed')).toMatch(/is held on your card and taken only when a driver/);
      expect(told(final, 'accepted')).toMatch(/ready in about 15 min/);
      await expectTrail(harness.paymentsUrl, final, TRAIL.captured);
      // The query still answers once the order has ended.
      expect((await readStatus(handle)).rating?.stars).toBe(5);
      await recordHistory(handle, 'delivered-and-rated');
    }));

  it('asks for a rating after the delay and closes when the rating window ends', () =>
    harness.withWorker(async () => {
      const handle = await harness.startOrder();
      await readyForPickup(handle);
      await handle.signal(pickedUpSignal);
      await waitForState(handle, 'Picked up');
      await handle.signal(deliveredSignal);
      const asked = await waitForStatus(handle, (s) => s.ratingRequested);
      expect(asked.state).toBe('Delivered');
      const final = await handle.result();
      expect(final.rating).toBeNull();
      expect(final.driver).toEqual({ id: 'operator', name: 'Operator' });
      expect(final.notifications.map((n) => n.event)).toContain('rating-requested');
      await expectTrail(harness.paymentsUrl, final, TRAIL.captured);
      await recordHistory(handle, 'delivered-by-signals-unrated');
    }));

  it('ends Failed with a notification and nothing held when the card is declined', () =>
    harness.withWorker(async () => {
      for (const paymentMethod of [
        'pm_card_chargeDeclined',
        'pm_card_chargeDeclinedInsufficientFunds',
      ] as const) {
        const handle = await harness.startOrder({ paymentMethod });
        const final = await handle.result();
        expect(statesVisited(final)).toEqual(['Authorizing card', 'Failed']);
        expect(final.failureReason).toMatch(/declined|insufficient/i);
        expect(final.money).toBe('not charged');
        expect(final.paymentIntentId).toBeNull();
        expect(final.notifications.map((n) => n.event)).toEqual(['payment-failed']);
        expect(told(final, 'payment-failed')).toMatch(/Your payment did not go through/);
        await expectTrail(harness.paymentsUrl, final, TRAIL.nothingHeld);
        if (paymentMethod === 'pm_card_chargeDeclined')
          await recordHistory(handle, 'card-declined');
      }
    }));

  it('captures at pickup and refunds exactly once when the order is not delivered in time', () =>
    harness.withWorker(async () => {
      const handle = await harness.startOrder({ windows: patientExcept('deliveryWindowMs') });
      await pickedUp(handle, dana);
      const captured = await waitForStatus(handle, (s) => s.money !== 'authorized');
      expect(captured.money).toBe('captured');
      const final = await handle.result();
      expect(statesVisited(final)).toEqual([...pathTo('Picked up'), 'Refunding', 'Refunded']);
      expect(final.money).toBe('refunded');
      expect(final.refundId).toMatch(/^re_/);
      expect(final.failureReason).toMatch(/not delivered in time/);
      expect(told(final, 'refunded')).toMatch(/it was refunded/);
      await expectTrail(harness.paymentsUrl, final, TRAIL.refunded);
      await recordHistory(handle, 'delivery-timeout');
    }));

  it('refuses drivers before the food is ready, the wrong driver, and the loser of a race', () =>
    harness.withWorker(async () => {
      const handle = await harness.startOrder({ windows: patientExcept() });
      await waitForState(handle, 'Waiting for restaurant');
      expect(await refusal(handle, { action: 'pickUp', driver: dana })).toBe(
        'The restaurant has not accepted this order yet.',
      );
      await accepted(handle, { action: 'accept', staff: KITCHEN, prepMinutes: 10 });
      expect(await refusal(handle, { action: 'pickUp', driver: dana })).toBe(
        'The kitchen is still preparing this order.',
      );
      await accepted(handle, { action: 'markReady', staff: KITCHEN });
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
      expect(await refusal(handle, { action: 'cancel' })).toBe(
        'Too late to cancel: a driver has the order.',
      );
      expect(await refusal(handle, { action: 'reject', staff: KITCHEN, reason: 'Too late' })).toBe(
        'A driver already has this order.',
      );
      // A signal that cannot take effect is dropped, not a failed workflow task.
      await handle.signal(deliveredSignal, other);
      await handle.signal(pickedUpSignal, { id: 42 } as never);
      expect((await readStatus(handle)).state).toBe('Picked up');
      await accepted(handle, { action: 'deliver', driver: winner });
      expect(await refusal(handle, { action: 'deliver', driver: winner })).toMatch(
        /already delivered/,
      );
      const captured = await waitForStatus(handle, (s) => s.money === 'captured');
      await expectTrail(harness.paymentsUrl, captured, TRAIL.captured);
      await recordHistory(handle, 'requests-refusals-and-race');
      await handle.terminate('test over');
    }));

  it('treats the same order id started twice as one order, with one hold', () =>
    harness.withWorker(async () => {
      const orderId = randomUUID();
      const first = await harness.startOrder({ orderId });
      await expect(harness.startOrder({ orderId })).rejects.toBeInstanceOf(
        WorkflowExecutionAlreadyStartedError,
      );
      const waiting = await waitForState(first, 'Waiting for restaurant');
      await expectTrail(harness.paymentsUrl, waiting, {
        ...TRAIL.nothingHeld,
        authorized: 1,
        held: 1,
      });
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
