import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { CATALOG } from '@delivery/common';
import { moneyMoved } from '@delivery/harness/ledger';
import { customer, dishes, driver, placeOrder } from './support/actors';
import { testConfig } from './support/services';
import { expectError, waitFor, waitForState } from './support/wait';

const paymentsUrl = inject('paymentsUrl');
const alice = customer();
const dana = driver('Dana Lee');
afterAll(() => {
  alice.close();
  dana.close();
});

describe('products', () => {
  it('lists the catalog', async () => {
    expect(await alice.menu.products()).toEqual(CATALOG);
  });
});

describe('createOrder', () => {
  it('starts the order, which charges the card once and waits for a driver', async () => {
    const orderId = randomUUID();
    expect(await alice.menu.createOrder({ orderId, items: dishes(2) })).toEqual({ orderId });
    const status = await waitForState(alice, orderId, 'Paid');
    expect(status).toMatchObject({ orderId, customerId: alice.id, paymentMethod: 'pm_card_visa' });
    expect(status.totalCents).toBe(2 * 1250 + 1600);
    expect(status.lines.map((line) => [line.productId, line.quantity])).toEqual([
      ['margherita', 2],
      ['ramen', 1],
    ]);
    expect(await moneyMoved(paymentsUrl, orderId)).toEqual({ charges: 1, refunds: 0 });
  });

  it('is idempotent: the same order again (dishes in any order) starts nothing and charges nothing', async () => {
    const orderId = await placeOrder(alice);
    const again = await Promise.all([
      alice.menu.createOrder({ orderId, items: dishes() }),
      alice.menu.createOrder({ orderId, items: [...dishes()].reverse() }),
    ]);
    expect(again).toEqual([{ orderId }, { orderId }]);
    const status = await waitForState(alice, orderId, 'Paid');
    expect(status.timeline.filter((entry) => entry.state === 'Paid')).toHaveLength(1);
    expect(await moneyMoved(paymentsUrl, orderId)).toEqual({ charges: 1, refunds: 0 });
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

  it('ends a declined card in Failed, with nothing charged', async () => {
    const orderId = await placeOrder(alice, { paymentMethod: 'pm_card_chargeDeclined' });
    const failed = await waitForState(alice, orderId, 'Failed');
    expect(failed.failureReason).toMatch(/declined/i);
    expect(await moneyMoved(paymentsUrl, orderId)).toEqual({ charges: 0, refunds: 0 });
  });

  it('gives orders the windows of the server settings, not of the client', async () => {
    const config = testConfig({ ORDER_PICKUP_WINDOW_MS: '700' });
    expect(config.orderWindows).toEqual({ pickupWindowMs: 700 });
    const hurried = customer({ context: { config } });
    const orderId = await placeOrder(hurried);
    const refunded = await waitForState(hurried, orderId, 'Refunded');
    expect(refunded.failureReason).toBe('No driver picked the order up in time.');
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
  it('cancels a paid order and refunds it', async () => {
    const orderId = await placeOrder(alice);
    await waitForState(alice, orderId, 'Paid');
    expect((await alice.menu.cancelOrder({ orderId })).state).toBe('Refunding');
    await waitForState(alice, orderId, 'Cancelled');
    expect(await moneyMoved(paymentsUrl, orderId)).toEqual({ charges: 1, refunds: 1 });
    await waitFor(
      () => alice.menu.getOrderStatus({ orderId }),
      (status) => !status.open,
      { what: 'order ended' },
    );
    await expectError(
      alice.menu.cancelOrder({ orderId }),
      'CONFLICT',
      'This order has already ended (Cancelled).',
    );
  });

  it('is too late once a driver has the order', async () => {
    const orderId = await placeOrder(alice);
    await waitForState(alice, orderId, 'Paid');
    await dana.board.pickUp({ orderId });
    await expectError(alice.menu.cancelOrder({ orderId }), 'CONFLICT', /^Too late to cancel/);
  });

  it("cannot touch another customer's order", async () => {
    const orderId = await placeOrder(alice);
    await waitForState(alice, orderId, 'Paid');
    await expectError(
      customer().menu.cancelOrder({ orderId }),
      'NOT_FOUND',
      `No order ${orderId}.`,
    );
    expect((await alice.menu.getOrderStatus({ orderId })).state).toBe('Paid');
  });
});

describe('rateOrder', () => {
  it('takes one rating after delivery', async () => {
    const eater = customer({ orderWindows: { ratingDelayMs: 500 } });
    const orderId = await placeOrder(eater);
    await waitForState(eater, orderId, 'Paid');
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
