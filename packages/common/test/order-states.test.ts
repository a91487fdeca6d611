import { describe, expect, it } from 'vitest';
import {
  CHARGED_UP_FRONT_PATH,
  HAPPY_PATH,
  KITCHEN_STATES,
  ORDER_STATES,
  happyPathOf,
  isOnBoard,
  isWaitingForDriver,
  moneyOf,
  type OrderStatus,
} from '../src';

const row = (state: OrderStatus['state'], driverId: string | null = null) => ({ state, driverId });

describe("a driver's board", () => {
  it('never lists an order the restaurant has not accepted', () => {
    for (const state of ['Authorizing card', 'Waiting for restaurant', 'Rejected'] as const)
      expect(isOnBoard(row(state), 'dana')).toBe(false);
  });

  it('lists food ready or coming up for everyone, and only its own trips', () => {
    expect(isOnBoard(row('Ready for pickup'), 'dana')).toBe(true);
    expect(isOnBoard(row('Preparing'), 'dana')).toBe(true);
    expect(isOnBoard(row('Picked up', 'dana'), 'dana')).toBe(true);
    expect(isOnBoard(row('Picked up', 'sam'), 'dana')).toBe(false);
  });

  it('lets drivers pick up only food at the pass, or an order paid up front', () => {
    expect(ORDER_STATES.filter(isWaitingForDriver)).toEqual(['Ready for pickup', 'Paid']);
  });
});

describe('the path an order shows', () => {
  it('is the kitchen path, unless the order was charged up front', () => {
    expect(happyPathOf(['Authorizing card', 'Waiting for restaurant'])).toBe(HAPPY_PATH);
    expect(happyPathOf(['Charging card', 'Paid'])).toBe(CHARGED_UP_FRONT_PATH);
  });

  it('gives the kitchen its tickets from acceptance to the pass', () => {
    expect(HAPPY_PATH.filter((state) => KITCHEN_STATES.includes(state as never))).toEqual([
      ...KITCHEN_STATES,
    ]);
  });
});

describe('where the money stands', () => {
  const charged = {
    state: 'Paid',
    chargeId: 'ch_1',
    refundId: null,
  } as unknown as OrderStatus;

  it('is read from the status of an order that tracks it', () => {
    expect(moneyOf({ ...charged, state: 'Preparing', money: 'authorized' })).toBe('authorized');
  });

  it('is read from the charge and refund of an order charged up front', () => {
    expect(moneyOf(charged)).toBe('captured');
    expect(moneyOf({ ...charged, state: 'Refunded', refundId: 're_1' })).toBe('refunded');
    expect(moneyOf({ ...charged, state: 'Refund failed' })).toBe('refund failed');
    expect(moneyOf({ ...charged, state: 'Failed', chargeId: null })).toBe('not charged');
  });
});
