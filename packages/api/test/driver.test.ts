import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { OrderSummary } from '@delivery/common';
import { customer, driver, placeOrder, signedOutDriver } from './support/actors';
import { readyForPickup } from './support/kitchen-path';
import { rowOf, wholeBoard } from './support/pages';
import { expectError, waitFor } from './support/wait';

const alice = customer();
afterAll(() => alice.close());

describe('driver session', () => {
  it('refuses board procedures without a session', async () => {
    const board = signedOutDriver();
    const orderId = await placeOrder(alice);
    await expectError(board.getOrders(), 'UNAUTHORIZED', 'Sign in first.');
    await expectError(board.pickUp({ orderId }), 'UNAUTHORIZED', 'Sign in first.');
    await expectError(board.deliver({ orderId }), 'UNAUTHORIZED', 'Sign in first.');
  });
});

describe('getOrders', () => {
  it('pages through the board with a cursor', async () => {
    const dana = driver();
    const ready = [await placeOrder(alice), await placeOrder(alice)];
    for (const orderId of ready) await readyForPickup(alice, orderId);
    const first = await waitFor(
      () => dana.board.getOrders({ limit: 1 }),
      (page) => page.nextCursor !== null,
      {
        what: 'a second board page',
      },
    );
    expect(first.orders).toHaveLength(1);
    const second = await dana.board.getOrders({ cursor: first.nextCursor, limit: 1 });
    expect(second.orders).toHaveLength(1);
    expect(second.orders[0]!.orderId).not.toBe(first.orders[0]!.orderId);
    expect(await dana.board.getOrders()).toMatchObject({ orders: expect.any(Array) });
  });

  it('shows ready orders to every driver, and a picked-up order only to its driver', async () => {
    const [dana, sam] = [driver(), driver()];
    const orderId = await placeOrder(alice);
    await readyForPickup(alice, orderId);
    const listed = (orders: OrderSummary[]) => rowOf(orders, orderId);
    expect(
      listed(
        await waitFor(
          () => wholeBoard(sam.board),
          (orders) => listed(orders) !== undefined,
          { what: 'ready order on the board' },
        ),
      ),
    ).toMatchObject({
      state: 'Ready for pickup',
      customerId: alice.id,
      totalCents: 1250 + 1600,
    });
    await dana.board.pickUp({ orderId });
    expect(
      listed(
        await waitFor(
          () => wholeBoard(dana.board),
          (orders) => listed(orders)?.state === 'Picked up',
        ),
      ),
    ).toMatchObject({ driverId: dana.id });
    await waitFor(
      () => wholeBoard(sam.board),
      (orders) => !listed(orders),
      { what: "order gone from sam's board" },
    );
  });

  it('refuses a cursor it did not make', async () => {
    const dana = driver();
    const message = 'This page cursor is not valid; reload the first page.';
    await expectError(dana.board.getOrders({ cursor: 'Z2FyYmFnZQ' }), 'BAD_REQUEST', message);
    await expectError(
      dana.board.getOrders({ cursor: 'Z2FyYmFnZQ.forged' }),
      'BAD_REQUEST',
      message,
    );
  });
});

describe('pickUp and deliver', () => {
  it('picks up and delivers', async () => {
    const dana = driver('Dana Lee');
    const orderId = await placeOrder(alice);
    await readyForPickup(alice, orderId);
    const pickedUp = await dana.board.pickUp({ orderId });
    expect(pickedUp).toMatchObject({
      state: 'Picked up',
      driver: { id: dana.id, name: 'Dana Lee' },
    });
    expect((await dana.board.deliver({ orderId })).state).toBe('Delivered');
    await expectError(
      dana.board.deliver({ orderId }),
      'CONFLICT',
      'The order was already delivered.',
    );
  });

  it('lets the first of two racing drivers win and tells the other who has it', async () => {
    const [dana, sam] = [driver('Dana'), driver('Sam')];
    const orderId = await placeOrder(alice);
    await readyForPickup(alice, orderId);
    const results = await Promise.allSettled([
      dana.board.pickUp({ orderId }),
      sam.board.pickUp({ orderId }),
    ]);
    const won = results.filter((result) => result.status === 'fulfilled');
    const lost = results.filter((result) => result.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = won[0]!.value.driver!.name;
    await expectError(
      Promise.reject(lost[0]!.reason),
      'CONFLICT',
      `Picked up by another driver (${winner}).`,
    );
  });

  it('lets only the driver who picked the order up deliver it', async () => {
    const [dana, sam] = [driver('Dana'), driver('Sam')];
    const orderId = await placeOrder(alice);
    await readyForPickup(alice, orderId);
    await expectError(
      sam.board.deliver({ orderId }),
      'CONFLICT',
      'The order has not been picked up yet.',
    );
    await dana.board.pickUp({ orderId });
    await expectError(
      sam.board.deliver({ orderId }),
      'CONFLICT',
      'Only Dana can deliver this order.',
    );
    await expectError(
      dana.board.pickUp({ orderId }),
      'CONFLICT',
      'You already picked this order up.',
    );
  });

  it('answers a retried request (same requestId) with its first outcome, applying it once', async () => {
    const [dana, sam] = [driver('Dana'), driver('Sam')];
    const orderId = await placeOrder(alice);
    await readyForPickup(alice, orderId);
    const requestId = randomUUID();
    const [first, retried] = await Promise.all([
      dana.board.pickUp({ orderId, requestId }),
      dana.board.pickUp({ orderId, requestId }),
    ]);
    expect(first.state).toBe('Picked up');
    expect(retried.state).toBe('Picked up');
    // A new tap is a new request, judged anew.
    await expectError(
      dana.board.pickUp({ orderId, requestId: randomUUID() }),
      'CONFLICT',
      'You already picked this order up.',
    );
    // Another driver's request with the same id is theirs alone, and refused.
    await expectError(
      sam.board.pickUp({ orderId, requestId }),
      'CONFLICT',
      'Picked up by another driver (Dana).',
    );
    const status = await alice.menu.getOrderStatus({ orderId });
    expect(status.timeline.filter((entry) => entry.state === 'Picked up')).toHaveLength(1);
  });

  it('refuses a request id that is not a UUID', async () => {
    const orderId = await placeOrder(alice);
    await expectError(
      driver().board.pickUp({ orderId, requestId: 'tap-1' }),
      'BAD_REQUEST',
      'The request id must be a UUID.',
    );
  });

  it('answers NOT_FOUND for an unknown order, and CONFLICT for one that has ended', async () => {
    const dana = driver();
    const unknown = randomUUID();
    await expectError(dana.board.pickUp({ orderId: unknown }), 'NOT_FOUND', `No order ${unknown}.`);
    const orderId = await placeOrder(alice, { paymentMethod: 'pm_card_chargeDeclined' });
    await waitFor(
      () => alice.menu.getOrderStatus({ orderId }),
      (status) => !status.open,
      { what: 'order ended' },
    );
    await expectError(
      dana.board.pickUp({ orderId }),
      'CONFLICT',
      'This order has already ended (Failed).',
    );
  });
});
