import { describe, expect, it } from 'vitest';
import type { OrderState, OrderStatus } from '@delivery/common';
import {
  refusalAtDeadline,
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

  it('accepts one valid rating while the window is open', () => {
    const delivered = orderIn('Delivered');
    expect(refusalToRate(delivered, { stars: 5 }, 1_000, 2_000)).toBeNull();
    expect(refusalToRate(delivered, { stars: 6 }, 1_000, 2_000)?.type).toBe('InvalidArgument');
    expect(refusalToRate(delivered, { stars: 2.5 }, 1_000, 2_000)?.type).toBe('InvalidArgument');
    expect(refusalToRate(delivered, { stars: 5 }, 2_000, 2_000)?.message).toMatch(/passed/);
    expect(
      refusalToRate(orderIn('Delivered', { rating: { stars: 3, at: '' } }), { stars: 5 }, 1, 2)
        ?.message,
    ).toMatch(/already rated/);
    expect(refusalToRate(orderIn('Paid'), { stars: 5 }, 1, 2)?.message).toMatch(/Only a delivered/);
  });
});

describe('actions at a deadline', () => {
  const at = (iso: string) => Date.parse(iso);
  const paid = orderIn('Paid', { deadline: { kind: 'pickup', at: '2026-01-01T00:01:00.000Z' } });

  it('are refused once the deadline has passed, before its timer runs', () => {
    expect(refusalAtDeadline(paid, at('2026-01-01T00:00:59.999Z'))).toBeNull();
    expect(refusalAtDeadline(paid, at('2026-01-01T00:01:00.000Z'))?.message).toMatch(
      /picked the order up in time/,
    );
  });

  it('ask a rating that shares a workflow task with the rating request to come again', () => {
    const delivered = orderIn('Delivered', { ratingRequested: false });
    const request = (sentThisTask: boolean) => ({ dueAt: 2_000, sentThisTask });
    expect(refusalToRate(delivered, { stars: 4 }, 1_000, 9_000, request(false))).toBeNull();
    expect(refusalToRate(delivered, { stars: 4 }, 2_000, 9_000, request(false))?.type).toBe(
      'RetryLater',
    );
    const requested = { ...delivered, ratingRequested: true };
    expect(refusalToRate(requested, { stars: 4 }, 2_000, 9_000, request(true))?.type).toBe(
      'RetryLater',
    );
    expect(refusalToRate(requested, { stars: 4 }, 2_000, 9_000, request(false))).toBeNull();
  });
});
