import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { CATALOG } from '@delivery/common';
import { holdsOf, moneyMoved } from '@delivery/harness/ledger';
import { customer, dishes, driver, kitchen, placeOrder } from './support/actors';
import { readyForPickup, waitForRestaurant } from './support/kitchen-path';
import { testConfig, workflowClosed } from './support/services';
import { expectError, waitFor, waitForState } from './support/wait';

const paymentsUrl = inject('paymentsUrl');
const alice = customer();
const dana = driver('Dana Lee');
const pass = kitchen();
afterAll(() => {
  alice.close();
  dana.close();
  pass.close();
});

describe('products', () => {
  it('lists the catalog', async () => {
    expect(await alice.menu.products()).toEqual(CATALOG);
  });
});

describe('createOrder', () => {
  it('starts the order, which holds the money on the card once and waits for the restaurant', async () => {
    const orderId = randomUUID();
    expect(await alice.menu.createOrder({ orderId, items: dishes(2) })).toEqual({ orderId });
    const status = await waitForRestaurant(alice, orderId);
    expect(status).toMatchObject({
      orderId,
      customerId: alice.id,
      paymentMethod: 'pm_card_visa',
      money: 'authorized',
      paymentIntentId: expect.stringMatching(/^pi_/),
      restaurant: null,
      deadline: { kind: 'restaurant' },
    });
    expect(status.totalCents).toBe(2 * 1250 + 1600);
    expect(status.lines.map((line) => [line.productId, line.quantity])).toEqual([
      ['margherita', 2],
      ['ramen', 1],
    ]);
    expect(await holdsOf(paymentsUrl, orderId)).toEqual({
      authorized: 1,
      held: 1,
      captured: 0,
      released: 0,
    });
    expect(await moneyMoved(paymentsUrl, orderId)).toEqual({ charges: 0, refunds: 0 });
  });

  it('is idempotent: the same order again (dishes in any order) starts nothing and holds nothing more', async () => {
    const orderId = await placeOrder(alice);
    const again = await Promise.all([
      alice.menu.createOrder({ orderId, items: dishes() }),
      alice.menu.createOrder({ orderId, items: [...dishes()].reverse() }),
    ]);
    expect(again).toEqual([{ orderId }, { orderId }]);
    const status = await waitForRestaurant(alice, orderId);
    expect(status.timeline.filter((entry) => entry.state === 'Authorizing card')).toHaveLength(1);
    expect(await holdsOf(paymentsUrl, orderId)).toMatchObject({ authorized: 1, held: 1 });
  });

  it('refuses the same order id with other dishes, or from another customer', async () => {
    const orderId = await placeOrder(alice);
    const taken = 'This order id is already used by another order.';
    await expectError(alice.menu.createOrder({ orderId, items: dishes(3) }), 'CONFLICT', taken);
    await expectError(
      alice.menu.createOrder({ orderId, items: dishes(), paymentMethod: 'pm_card_chargeDeclined' }),
      'CONFLICT',
      taken,
    );
    await expectError(customer().menu.createOrder({ orderId, items: dishes() }), 'CONFLICT', taken);
  });

  it('names an unknown dish', async () => {
    await expectError(
      alice.menu.createOrder({
        orderId: randomUUID(),
        items: [{ productId: 'sushi', quantity: 1 }],
      }),
      'BAD_REQUEST',
      'There is no dish "sushi" on the menu.',
    );
  });

  it('answers bad input with its first problem', async () => {
    await expectError(
      alice.menu.createOrder({ orderId: 'not-a-uuid', items: dishes() }),
      'BAD_REQUEST',
      /^The order id must be a UUID\.$/,
    );
    await expectError(
      alice.menu.createOrder({ orderId: randomUUID(), items: [] }),
      'BAD_REQUEST',
      /^An order needs at least one dish\.$/,
    );
  });

  it('ends a declined card in Failed, with nothing held or charged', async () => {
    const orderId = await placeOrder(alice, { paymentMethod: 'pm_card_chargeDeclined' });
    const failed = await waitForState(alice, orderId, 'Failed');
    expect(failed.failureReason).toMatch(/declined/i);
    expect(failed.money).toBe('not charged');
    expect((await holdsOf(paymentsUrl, orderId)).authorized).toBe(0);
    expect(await moneyMoved(paymentsUrl, orderId)).toEqual({ charges: 0, refunds: 0 });
  });

  it('gives orders the windows of the server settings, not of the client', async () => {
    const config = testConfig({ ORDER_PICKUP_WINDOW_MS: '700' });
    expect(config.orderWindows).toEqual({ pickupWindowMs: 700 });
    const hurried = customer({ context: { config } });
    const orderId = await placeOrder(hurried);
    await readyForPickup(hurried, orderId);
    const cancelled = await waitForState(hurried, orderId, 'Cancelled');
    expect(cancelled.failureReason).toBe('No driver picked the order up in time.');
    expect(cancelled.money).toBe('released');
    expect(await holdsOf(paymentsUrl, orderId)).toMatchObject({ released: 1, captured: 0 });
  });
});

describe('getOrderStatus', () => {
  it("shows the customer's own order, and no one else's", async () => {
    const orderId = await placeOrder(alice);
    expect(await alice.menu.getOrderStatus({ orderId })).toMatchObject({
      orderId,
      customerId: alice.id,
    });
    await expectError(
      customer().menu.getOrderStatus({ orderId }),
      'NOT_FOUND',
      `No order ${orderId}.`,
    );
  });

  it('answers NOT_FOUND for an unknown order', async () => {
    const orderId = randomUUID();
    await expectError(alice.menu.getOrderStatus({ orderId }), 'NOT_FOUND', `No order ${orderId}.`);
  });
});

describe('myOrders', () => {
  it("lists exactly this customer's orders, newest first", async () => {
    const bob = customer();
    const first = await placeOrder(bob);
    const second = await placeOrder(bob);
    await placeOrder(customer());
    const orders = await waitFor(
      () => bob.menu.myOrders(),
      (rows) => rows.length >= 2,
      {
        what: "bob's two orders listed",
      },
    );
    expect(orders.map((row) => row.orderId)).toEqual([second, first]);
    expect(orders[0]).toMatchObject({
      customerId: bob.id,
      driverId: null,
      totalCents: 1250 + 1600,
    });
    expect(orders[0]!.lines).toHaveLength(2);
    expect(await customer().menu.myOrders()).toEqual([]);
  });
});

describe('cancelOrder', () => {
  it('cancels an order the restaurant has not accepted, releasing the hold', async () => {
    const orderId = await placeOrder(alice);
    await waitForRestaurant(alice, orderId);
    expect((await alice.menu.cancelOrder({ orderId })).state).toBe('Releasing hold');
    expect((await waitForState(alice, orderId, 'Cancelled')).money).toBe('released');
    expect(await holdsOf(paymentsUrl, orderId)).toMatchObject({ released: 1, captured: 0 });
    expect(await moneyMoved(paymentsUrl, orderId)).toEqual({ charges: 0, refunds: 0 });
    // The workflow completes once its final event is published: a cancel then finds it closed.
    await workflowClosed(orderId);
    await expectError(
      alice.menu.cancelOrder({ orderId }),
      'CONFLICT',
      'This order has already ended (Cancelled).',
    );
  });

  it('is too late once the kitchen is cooking, and once a driver has the order', async () => {
    const orderId = await placeOrder(alice);
    await waitForRestaurant(alice, orderId);
    await pass.tickets.acceptOrder({ orderId, prepMinutes: 10 });
    await expectError(
      alice.menu.cancelOrder({ orderId }),
      'CONFLICT',
      'Too late to cancel: the kitchen is cooking it.',
    );
    await pass.tickets.markReady({ orderId });
    await dana.board.pickUp({ orderId });
    await expectError(
      alice.menu.cancelOrder({ orderId }),
      'CONFLICT',
      'Too late to cancel: a driver has the order.',
    );
  });

  it("cannot touch another customer's order", async () => {
    const orderId = await placeOrder(alice);
    await waitForRestaurant(alice, orderId);
    await expectError(
      customer().menu.cancelOrder({ orderId }),
      'NOT_FOUND',
      `No order ${orderId}.`,
    );
    expect((await alice.menu.getOrderStatus({ orderId })).state).toBe('Waiting for restaurant');
  });
});

describe('rateOrder', () => {
  it('takes one rating after delivery', async () => {
    const eater = customer({ orderWindows: { ratingDelayMs: 500 } });
    const orderId = await placeOrder(eater);
    await readyForPickup(eater, orderId);
    await expectError(
      eater.menu.rateOrder({ orderId, stars: 5 }),
      'CONFLICT',
      'Only a delivered order can be rated.',
    );
    await dana.board.pickUp({ orderId });
    await dana.board.deliver({ orderId });
    await waitFor(
      () => eater.menu.getOrderStatus({ orderId }),
      (status) => status.ratingRequested,
      { what: 'rating requested' },
    );
    const rated = await eater.menu.rateOrder({ orderId, stars: 4, comment: '  Still warm.  ' });
    expect(rated.rating).toMatchObject({ stars: 4, comment: 'Still warm.' });
    await expectError(
      eater.menu.rateOrder({ orderId, stars: 1 }),
      'CONFLICT',
      'This order is already rated.',
    );
    await expectError(customer().menu.rateOrder({ orderId, stars: 1 }), 'NOT_FOUND');
  });

  it('refuses stars out of range before asking the workflow', async () => {
    await expectError(
      alice.menu.rateOrder({ orderId: randomUUID(), stars: 6 }),
      'BAD_REQUEST',
      'At most 5 stars.',
    );
  });
});
