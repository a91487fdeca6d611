import { describe, expect, it } from 'vitest';
import type { OrderState, OrderSummary } from '@delivery/common';
import { concernsBoard } from '../src/live/board';
import { concernsKitchen } from '../src/live/tickets';

const row = (state: OrderState, driverId: string | null = null): OrderSummary => ({
  orderId: 'order',
  customerId: 'customer',
  state,
  driverId,
  lines: [],
  totalCents: 100,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  readyAt: null,
});

describe('concernsBoard', () => {
  it.each<OrderState>([
    'Preparing',
    'Ready for pickup',
    'Paid',
    'Picked up',
    'Releasing hold',
    'Cancelled',
    'Rejected',
  ])('tells every board of an order now %s', (state) => {
    expect(concernsBoard(row(state), 'dana')).toBe(true);
  });

  it.each<OrderState>(['Authorizing card', 'Waiting for restaurant', 'Charging card'])(
    'keeps an order %s from the boards',
    (state) => {
      expect(concernsBoard(row(state), 'dana')).toBe(false);
    },
  );

  it.each<OrderState>(['Picked up', 'Delivered', 'Refunding', 'Refunded'])(
    "tells every board of another driver's trip now %s: a board that missed the pickup drops it",
    (state) => {
      expect(concernsBoard(row(state, 'sam'), 'dana')).toBe(true);
    },
  );
});

describe('concernsKitchen', () => {
  it.each<OrderState>([
    'Waiting for restaurant',
    'Preparing',
    'Ready for pickup',
    'Picked up',
    'Releasing hold',
    'Cancelled',
    'Rejected',
  ])('tells the kitchen of an order now %s', (state) => {
    expect(concernsKitchen(row(state))).toBe(true);
  });

  it.each<[OrderState, string | null]>([
    ['Delivered', 'dana'],
    ['Refunded', 'dana'],
    ['Cancelled', null],
  ])(
    'tells the kitchen of an order now %s (driver %s): a list that missed the pickup drops it',
    (state, driverId) => {
      expect(concernsKitchen(row(state, driverId))).toBe(true);
    },
  );

  it.each<OrderState>(['Authorizing card', 'Charging card', 'Paid'])(
    'keeps an order %s from the kitchen',
    (state) => {
      expect(concernsKitchen(row(state))).toBe(false);
    },
  );
});
