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

  it("tells a driver of their own trip, not of another driver's", () => {
    expect(concernsBoard(row('Delivered', 'dana'), 'dana')).toBe(true);
    expect(concernsBoard(row('Delivered', 'sam'), 'dana')).toBe(false);
  });
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
    ['Authorizing card', null],
    ['Charging card', null],
    ['Paid', null],
    ['Delivered', 'dana'],
    ['Refunded', 'dana'],
  ])('keeps an order %s (driver %s) from the kitchen', (state, driverId) => {
    expect(concernsKitchen(row(state, driverId))).toBe(false);
  });
});
