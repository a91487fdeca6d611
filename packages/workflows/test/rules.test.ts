import { describe, expect, it } from 'vitest';
import type { OrderState, OrderStatus } from '@delivery/common';
import { checkedRating, orderInputProblem } from '../src/input-check';
import {
  refusalAfterEnd,
  refusalToCancel,
  refusalToDeliver,
  refusalToPickUp,
  refusalToRate,
} from '../src/rules';

const dana = { id: 'dana', name: 'Dana' };
const sam = { id: 'sam', name: 'Sam' };

function orderIn(state: OrderState, extra: Partial<OrderStatus> = {}): OrderStatus {
  return { state, driver: null, rating: null, ...extra } as OrderStatus;
}

describe('who may do what to an order', () => {
  it('lets any driver pick up a paid order, and names the winner to the others', () => {
    expect(refusalToPickUp(orderIn('Paid'), dana)).toBeNull();
    const taken = orderIn('Picked up', { driver: dana });
    expect(refusalToPickUp(taken, sam)).toMatchObject({
      type: 'WrongDriver',
      message: 'Picked up by another driver (Dana).',
    });
    expect(refusalToPickUp(taken, dana)?.message).toMatch(/already picked/);
    expect(refusalToPickUp(orderIn('Paid'), { id: 1 })?.type).toBe('InvalidArgument');
  });

  it('lets only the driver who picked it up deliver it', () => {
    const taken = orderIn('Picked up', { driver: dana });
    expect(refusalToDeliver(taken, dana)).toBeNull();
    expect(refusalToDeliver(taken, sam)?.message).toBe('Only Dana can deliver this order.');
    expect(refusalToDeliver(orderIn('Paid'), dana)?.message).toMatch(/not been picked up/);
  });

  it('allows cancelling only while Paid', () => {
    expect(refusalToCancel(orderIn('Paid'))).toBeNull();
    expect(refusalToCancel(orderIn('Picked up'))?.message).toMatch(/Too late to cancel/);
    expect(refusalToCancel(orderIn('Cancelled'))?.message).toMatch(/already cancelled/);
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
    expect(refusalToRate(orderIn('Paid'), { stars: 5 }, true)?.message).toMatch(/Only a delivered/);
  });

  it('explains an action on an ended order from its final status', () => {
    expect(refusalAfterEnd(orderIn('Refunded'), 'pickUp').message).toMatch(
      /already ended \(Refunded\)/,
    );
    expect(refusalAfterEnd(orderIn('Delivered'), 'rate').message).toMatch(/time to rate/);
    expect(
      refusalAfterEnd(orderIn('Delivered', { rating: { stars: 4, at: '' } }), 'rate').message,
    ).toMatch(/already rated/);
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
