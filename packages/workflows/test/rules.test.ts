import { describe, expect, it } from 'vitest';
import type { OrderState, OrderStatus } from '@delivery/common';
import { KITCHEN } from '@delivery/harness/order-actions';
import { checkedRating, orderInputProblem } from '../src/input-check';
import {
  refusalAfterEnd,
  refusalToAccept,
  refusalToCancel,
  refusalToDeliver,
  refusalToMarkReady,
  refusalToPickUp,
  refusalToRate,
  refusalToReject,
} from '../src/rules';
import { dana, sam } from './support/people';

function orderIn(state: OrderState, extra: Partial<OrderStatus> = {}): OrderStatus {
  return { state, driver: null, rating: null, restaurant: null, ...extra } as OrderStatus;
}

const rejected = orderIn('Releasing hold', {
  restaurant: { answer: 'rejected', by: KITCHEN, at: '', reason: 'Closed' },
});

describe('who may do what to an order', () => {
  it('lets any driver pick up food that is ready, and names the winner to the others', () => {
    expect(refusalToPickUp(orderIn('Ready for pickup'), dana)).toBeNull();
    const taken = orderIn('Picked up', { driver: dana });
    expect(refusalToPickUp(taken, sam)).toMatchObject({
      type: 'WrongDriver',
      message: 'Picked up by another driver (Dana).',
    });
    expect(refusalToPickUp(taken, dana)?.message).toMatch(/already picked/);
    expect(refusalToPickUp(orderIn('Ready for pickup'), { id: 1 })?.type).toBe('InvalidArgument');
  });

  it('keeps drivers away until the kitchen marks the food ready', () => {
    expect(refusalToPickUp(orderIn('Authorizing card'), dana)?.message).toMatch(/payment/);
    expect(refusalToPickUp(orderIn('Waiting for restaurant'), dana)?.message).toBe(
      'The restaurant has not accepted this order yet.',
    );
    expect(refusalToPickUp(orderIn('Preparing'), dana)).toMatchObject({
      type: 'WrongState',
      message: 'The kitchen is still preparing this order.',
    });
    expect(refusalToPickUp(orderIn('Cancelled'), dana)?.message).toBe('The order is cancelled.');
  });

  it('still lets a driver pick up an order charged up front, once Paid', () => {
    expect(refusalToPickUp(orderIn('Paid'), dana)).toBeNull();
    expect(refusalToCancel(orderIn('Paid'))).toBeNull();
  });

  it('lets only the driver who picked it up deliver it', () => {
    const taken = orderIn('Picked up', { driver: dana });
    expect(refusalToDeliver(taken, dana)).toBeNull();
    expect(refusalToDeliver(taken, sam)?.message).toBe('Only Dana can deliver this order.');
    expect(refusalToDeliver(orderIn('Ready for pickup'), dana)?.message).toMatch(
      /not been picked up/,
    );
  });

  it('lets the customer cancel only while the restaurant has not accepted', () => {
    expect(refusalToCancel(orderIn('Waiting for restaurant'))).toBeNull();
    expect(refusalToCancel(orderIn('Authorizing card'))?.message).toMatch(/payment is still/);
    expect(refusalToCancel(orderIn('Preparing'))?.message).toBe(
      'Too late to cancel: the kitchen is cooking it.',
    );
    expect(refusalToCancel(orderIn('Ready for pickup'))?.message).toBe(
      'Too late to cancel: the food is ready for pickup.',
    );
    expect(refusalToCancel(orderIn('Picked up'))?.message).toMatch(/Too late to cancel/);
    expect(refusalToCancel(orderIn('Cancelled'))?.message).toMatch(/already cancelled/);
  });

  it('lets the restaurant accept once, while the order waits for it', () => {
    expect(refusalToAccept(orderIn('Waiting for restaurant'), KITCHEN, 15)).toBeNull();
    expect(refusalToAccept(orderIn('Waiting for restaurant'), KITCHEN, 0)).toBeNull();
    for (const prepMinutes of [-1, 1.5, 24 * 60 + 1, '15'])
      expect(refusalToAccept(orderIn('Waiting for restaurant'), KITCHEN, prepMinutes)?.type).toBe(
        'InvalidArgument',
      );
    expect(refusalToAccept(orderIn('Waiting for restaurant'), { id: 'k' }, 15)?.message).toBe(
      'The restaurant needs an id and a name.',
    );
    expect(refusalToAccept(orderIn('Authorizing card'), KITCHEN, 15)?.message).toMatch(/payment/);
    expect(refusalToAccept(orderIn('Preparing'), KITCHEN, 15)?.message).toBe(
      'This order was already accepted.',
    );
    expect(refusalToAccept(rejected, KITCHEN, 15)?.message).toBe('This order was rejected.');
    expect(refusalToAccept(orderIn('Cancelled'), KITCHEN, 15)?.message).toBe(
      'This order was cancelled.',
    );
    const silent = {
      ...orderIn('Releasing hold'),
      failureReason: 'The restaurant did not answer in time.',
    };
    expect(refusalToMarkReady(silent, KITCHEN)?.message).toBe(
      'This order was closed: The restaurant did not answer in time.',
    );
  });

  it('lets the restaurant reject, with a reason, until the food is ready', () => {
    expect(refusalToReject(orderIn('Waiting for restaurant'), KITCHEN, 'Closed')).toBeNull();
    expect(refusalToReject(orderIn('Preparing'), KITCHEN, 'Out of rice')).toBeNull();
    expect(refusalToReject(orderIn('Preparing'), KITCHEN, '  ')?.type).toBe('InvalidArgument');
    expect(refusalToReject(orderIn('Preparing'), KITCHEN, 'x'.repeat(501))?.type).toBe(
      'InvalidArgument',
    );
    expect(refusalToReject(orderIn('Ready for pickup'), KITCHEN, 'Closed')?.message).toBe(
      'The food is ready: hand it to a driver.',
    );
    expect(refusalToReject(orderIn('Picked up'), KITCHEN, 'Closed')?.message).toBe(
      'A driver already has this order.',
    );
    expect(refusalToReject(rejected, KITCHEN, 'Closed')?.message).toBe('This order was rejected.');
  });

  it('lets the restaurant mark ready only what it is preparing, once', () => {
    expect(refusalToMarkReady(orderIn('Preparing'), KITCHEN)).toBeNull();
    expect(refusalToMarkReady(orderIn('Waiting for restaurant'), KITCHEN)?.message).toBe(
      'Accept the order first.',
    );
    expect(refusalToMarkReady(orderIn('Ready for pickup'), KITCHEN)?.message).toBe(
      'This order is already marked ready.',
    );
    expect(refusalToMarkReady(orderIn('Delivered'), KITCHEN)?.message).toBe(
      'A driver already has this order.',
    );
    expect(refusalToMarkReady(orderIn('Preparing'), null)?.type).toBe('InvalidArgument');
  });

  it('accepts one valid rating while the window is open, judged by state alone', () => {
    const delivered = orderIn('Delivered');
    expect(refusalToRate(delivered, { stars: 5 }, true)).toBeNull();
    expect(refusalToRate(delivered, { stars: 6 }, true)?.type).toBe('InvalidArgument');
    expect(refusalToRate(delivered, { stars: 2.5 }, true)?.type).toBe('InvalidArgument');
    expect(refusalToRate(delivered, { stars: 5 }, false)?.message).toMatch(/passed/);
    expect(
      refusalToRate(orderIn('Delivered', { rating: { stars: 3, at: '' } }), { stars: 5 }, true)
        ?.message,
    ).toMatch(/already rated/);
    expect(refusalToRate(orderIn('Picked up'), { stars: 5 }, true)?.message).toMatch(
      /Only a delivered/,
    );
  });

  it('explains an action on an ended order from its final status', () => {
    expect(refusalAfterEnd(orderIn('Rejected'), 'accept').message).toBe(
      'This order has already ended (Rejected).',
    );
    expect(refusalAfterEnd(orderIn('Refunded'), 'pickUp').message).toMatch(
      /already ended \(Refunded\)/,
    );
    expect(refusalAfterEnd(orderIn('Delivered'), 'rate').message).toMatch(/time to rate/);
    expect(
      refusalAfterEnd(orderIn('Delivered', { rating: { stars: 4, at: '' } }), 'rate').message,
    ).toMatch(/already rated/);
    expect(refusalAfterEnd(orderIn('Cancelled'), 'rate').message).toMatch(/Only a delivered/);
  });
});

describe("the workflow's own, frozen checks of what reaches it", () => {
  const input = {
    orderId: 'o-1',
    customerId: 'c-1',
    lines: [
      {
        productId: 'ramen',
        name: 'Ramen',
        quantity: 1,
        unitPriceCents: 1200,
        lineTotalCents: 1200,
      },
    ],
    totalCents: 1200,
    paymentMethod: 'pm_card_visa',
  };

  it('accepts a well-formed order and names the first problem of a bad one', () => {
    expect(orderInputProblem(input)).toBeNull();
    expect(orderInputProblem({ ...input, lines: 'not a list' })).toMatch(/lines/);
    expect(orderInputProblem({ ...input, lines: [{ ...input.lines[0], quantity: 0 }] })).toMatch(
      /quantities/,
    );
    expect(orderInputProblem({ ...input, totalCents: -1 })).toMatch(/totalCents/);
    expect(orderInputProblem({ ...input, windows: { pickupWindowMs: 'soon' } })).toMatch(
      /pickupWindowMs/,
    );
    expect(orderInputProblem(null)).toMatch(/object/);
  });

  it('keeps a rating trimmed, and refuses one out of range', () => {
    expect(checkedRating({ stars: 4, comment: '  warm  ' })).toEqual({ stars: 4, comment: 'warm' });
    expect(checkedRating({ stars: 4, comment: '   ' })).toEqual({ stars: 4 });
    expect(checkedRating({ stars: 0 })).toMatch(/1 to 5/);
    expect(checkedRating({ stars: 5, comment: 'x'.repeat(2_001) })).toMatch(/at most/);
  });
});
