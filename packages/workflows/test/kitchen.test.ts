import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderStatus, OrderWindows } from '@delivery/common';
import {
  KITCHEN,
  accepted,
  preparing,
  readyForPickup,
  refusal,
  rejectOrder,
} from '@delivery/harness/order-actions';
import { statesVisited, waitForState } from '@delivery/harness/orders';
import type { OrderHandle } from '../src/client';
import { expectHoldReleased, pathTo, patientExcept, type ReleasedEnd } from './support/order-ends';
import { orderHarness, recordHistory, type OrderHarness } from './support/order-harness';
import { dana } from './support/people';

let harness: OrderHarness;
beforeAll(async () => {
  harness = await orderHarness();
});
afterAll(() => harness.close());

const NO_ROOM = '  We are out of dough tonight.  ';

/** Each end before pickup: what drives the order there, and how it must end. */
const ENDS_BEFORE_PICKUP: {
  name: string;
  windows: Partial<OrderWindows>;
  drive(handle: OrderHandle): Promise<unknown>;
  end: ReleasedEnd;
  /** What the order shows of the restaurant's answer; `null` when it gave none. */
  restaurant: Partial<NonNullable<OrderStatus['restaurant']>> | null;
}[] = [
  {
    name: 'rejected',
    windows: patientExcept(),
    drive: async (handle) => {
      await waitForState(handle, 'Waiting for restaurant');
      await rejectOrder(handle, NO_ROOM);
    },
    end: {
      reached: 'Waiting for restaurant',
      state: 'Rejected',
      event: 'rejected',
      failureReason: /^The restaurant rejected the order: We are out of dough tonight\.$/,
    },
    restaurant: { answer: 'rejected', by: KITCHEN, reason: NO_ROOM.trim() },
  },
  {
    name: 'rejected-while-preparing',
    windows: patientExcept(),
    drive: async (handle) => {
      await preparing(handle, 20);
      await rejectOrder(handle, NO_ROOM);
    },
    end: {
      reached: 'Preparing',
      state: 'Rejected',
      event: 'rejected',
      failureReason: /rejected the order: We are out of dough/,
    },
    restaurant: { answer: 'rejected', reason: NO_ROOM.trim() },
  },
  {
    name: 'restaurant-silent',
    windows: patientExcept('restaurantWindowMs'),
    drive: async () => undefined,
    end: {
      reached: 'Waiting for restaurant',
      state: 'Rejected',
      event: 'rejected',
      failureReason: /^The restaurant did not answer in time\.$/,
    },
    restaurant: null,
  },
  {
    name: 'cancelled-before-accept',
    windows: patientExcept(),
    drive: async (handle) => {
      await waitForState(handle, 'Waiting for restaurant');
      await accepted(handle, { action: 'cancel' });
    },
    end: {
      reached: 'Waiting for restaurant',
      state: 'Cancelled',
      event: 'cancelled',
      failureReason: null,
    },
    restaurant: null,
  },
  {
    name: 'kitchen-late',
    windows: patientExcept('preparationGraceMs'),
    drive: (handle) => preparing(handle, 0),
    end: {
      reached: 'Preparing',
      state: 'Cancelled',
      event: 'cancelled',
      failureReason: /^The kitchen did not mark the order ready in time\.$/,
    },
    restaurant: { answer: 'accepted', prepMinutes: 0 },
  },
  {
    name: 'pickup-timeout',
    windows: patientExcept('pickupWindowMs'),
    drive: (handle) => readyForPickup(handle),
    end: {
      reached: 'Ready for pickup',
      state: 'Cancelled',
      event: 'cancelled',
      failureReason: /^No driver picked the order up in time\.$/,
    },
    restaurant: { answer: 'accepted', prepMinutes: 0 },
  },
];

describe('an order that ends before a driver has it', () => {
  it.each(ENDS_BEFORE_PICKUP)(
    '$name: the hold is released and nothing is charged',
    ({ name, windows, drive, end, restaurant }) =>
      harness.withWorker(async () => {
        const handle = await harness.startOrder({ windows });
        await drive(handle);
        const final = await handle.result();
        await expectHoldReleased(harness.paymentsUrl, final, end);
        if (restaurant === null) expect(final.restaurant).toBeNull();
        else expect(final.restaurant).toMatchObject(restaurant);
        // Ended, the order takes no more actions from the kitchen.
        expect(await refusal(handle, { action: 'accept', staff: KITCHEN, prepMinutes: 5 })).toBe(
          `This order has already ended (${end.state}).`,
        );
        await recordHistory(handle, name);
      }),
  );
});

describe('what the customer and the kitchen may do, and when', () => {
  it("refuses the customer's cancel once the kitchen cooks it, and the order goes on", () =>
    harness.withWorker(async () => {
      const handle = await harness.startOrder({ windows: patientExcept() });
      await preparing(handle, 10);
      expect(await refusal(handle, { action: 'cancel' })).toBe(
        'Too late to cancel: the kitchen is cooking it.',
      );
      await accepted(handle, { action: 'markReady', staff: KITCHEN });
      expect(await refusal(handle, { action: 'cancel' })).toBe(
        'Too late to cancel: the food is ready for pickup.',
      );
      const status = await accepted(handle, { action: 'pickUp', driver: dana });
      expect(statesVisited(status)).toEqual(pathTo('Picked up'));
      await handle.terminate('test over');
    }));

  it('refuses the kitchen what the order is not ready for, with a reason', () =>
    harness.withWorker(async () => {
      const handle = await harness.startOrder({ windows: patientExcept() });
      await waitForState(handle, 'Waiting for restaurant');
      const markReady = { action: 'markReady', staff: KITCHEN } as const;
      const accept = { action: 'accept', staff: KITCHEN, prepMinutes: 12 } as const;
      expect(await refusal(handle, markReady)).toBe('Accept the order first.');
      expect(await refusal(handle, { ...accept, prepMinutes: -1 })).toMatch(
        /preparation time is a whole number of minutes/,
      );
      expect(await refusal(handle, { ...accept, prepMinutes: 2.5 })).toMatch(
        /preparation time is a whole number of minutes/,
      );
      expect(await refusal(handle, { ...accept, staff: { id: '', name: '' } })).toBe(
        'The restaurant needs an id and a name.',
      );
      expect(await refusal(handle, { action: 'reject', staff: KITCHEN, reason: '   ' })).toMatch(
        /Tell the customer why/,
      );

      const cooking = await accepted(handle, accept);
      expect(cooking.restaurant).toMatchObject({
        answer: 'accepted',
        by: KITCHEN,
        prepMinutes: 12,
      });
      expect(cooking.deadline?.kind).toBe('ready');
      expect(await refusal(handle, accept)).toBe('This order was already accepted.');

      await accepted(handle, markReady);
      expect(await refusal(handle, markReady)).toBe('This order is already marked ready.');
      expect(await refusal(handle, { action: 'reject', staff: KITCHEN, reason: 'Burnt' })).toBe(
        'The food is ready: hand it to a driver.',
      );
      expect((await waitForState(handle, 'Ready for pickup')).money).toBe('authorized');
      await recordHistory(handle, 'kitchen-refusals');
      await handle.terminate('test over');
    }));
});
