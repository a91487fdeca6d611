import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
  KITCHEN_STATES,
  isIn,
  type OrderState,
  type OrderStatus,
  type RestaurantAnswer,
} from '@delivery/common';
import { holdsOf, moneyMoved } from '@delivery/harness/ledger';
import { customer, driver, kitchen, placeOrder, signedOutKitchen } from './support/actors';
import { nextMatching } from './support/iterate';
import { waitForRestaurant } from './support/kitchen-path';
import { allTickets, rowOf, wholeBoard } from './support/pages';
import { testConfig, workflowClosed } from './support/services';
import { expectError, waitFor, waitForState } from './support/wait';

const paymentsUrl = inject('paymentsUrl');
const alice = customer();
const kim = kitchen('Kim Park');
const dana = driver('Dana');
afterAll(() => {
  alice.close();
  kim.close();
  dana.close();
});

/** An order of alice's whose card is held, waiting for the restaurant's answer. */
async function waitingOrder(): Promise<string> {
  const orderId = await placeOrder(alice);
  await waitForRestaurant(alice, orderId);
  return orderId;
}

function acceptance(status: OrderStatus): Extract<RestaurantAnswer, { answer: 'accepted' }> {
  if (status.restaurant?.answer !== 'accepted') throw new Error('the order was not accepted');
  return status.restaurant;
}

describe('without a session', () => {
  it('refuses every kitchen procedure', async () => {
    const signedOut = signedOutKitchen();
    const orderId = randomUUID();
    const signInFirst = ['UNAUTHORIZED', 'Sign in first.'] as const;
    await expectError(signedOut.getTickets(), ...signInFirst);
    await expectError(signedOut.acceptOrder({ orderId, prepMinutes: 5 }), ...signInFirst);
    await expectError(signedOut.rejectOrder({ orderId, reason: 'Closed.' }), ...signInFirst);
    await expectError(signedOut.markReady({ orderId }), ...signInFirst);
    await expectError(signedOut.ticketUpdates(), ...signInFirst);
  });
});

describe('getTickets', () => {
  it('lists an order waiting for the restaurant with its lines, and its ready time once accepted', async () => {
    const orderId = await waitingOrder();
    const listed = (state: string) =>
      waitFor(
        async () => rowOf(await allTickets(kim.tickets), orderId),
        (row) => row?.state === state,
        { what: `ticket ${state}` },
      );
    const waiting = await listed('Waiting for restaurant');
    expect(waiting).toMatchObject({
      customerId: alice.id,
      driverId: null,
      totalCents: 1250 + 1600,
      readyAt: null,
    });
    expect(waiting!.lines.map((line) => [line.productId, line.quantity, line.name])).toEqual([
      ['margherita', 1, 'Margherita Pizza'],
      ['ramen', 1, 'Shoyu Ramen'],
    ]);

    const { readyAt, at } = acceptance(await kim.tickets.acceptOrder({ orderId, prepMinutes: 15 }));
    expect(Date.parse(readyAt) - Date.parse(at)).toBe(15 * 60_000);
    expect((await listed('Preparing'))!.readyAt).toBe(readyAt);
  });

  it('pages through the tickets with a cursor', async () => {
    await Promise.all([waitingOrder(), waitingOrder()]);
    const first = await waitFor(
      () => kim.tickets.getTickets({ limit: 1 }),
      (page) => page.nextCursor !== null,
      { what: 'a second page of tickets' },
    );
    expect(first.tickets).toHaveLength(1);
    const second = await kim.tickets.getTickets({ cursor: first.nextCursor, limit: 1 });
    expect(second.tickets).toHaveLength(1);
    expect(second.tickets[0]!.orderId).not.toBe(first.tickets[0]!.orderId);
  });

  it('refuses a cursor it did not make', async () => {
    await expectError(
      kim.tickets.getTickets({ cursor: 'Z2FyYmFnZQ.forged' }),
      'BAD_REQUEST',
      'This page cursor is not valid; reload the first page.',
    );
  });
});

describe('acceptOrder and markReady', () => {
  it('promises a ready time the customer sees, hands the food to drivers, and the money is taken at pickup', async () => {
    const orderId = await waitingOrder();
    const accepted = await kim.tickets.acceptOrder({ orderId, prepMinutes: 20 });
    expect(accepted).toMatchObject({
      state: 'Preparing',
      money: 'authorized',
      deadline: { kind: 'ready' },
      restaurant: { answer: 'accepted', by: { id: kim.id, name: 'Kim Park' }, prepMinutes: 20 },
    });
    expect((await alice.menu.getOrderStatus({ orderId })).restaurant).toEqual(accepted.restaurant);

    const ready = await kim.tickets.markReady({ orderId });
    expect(ready).toMatchObject({
      state: 'Ready for pickup',
      money: 'authorized',
      deadline: { kind: 'pickup' },
    });
    expect(await moneyMoved(paymentsUrl, orderId)).toEqual({ charges: 0, refunds: 0 });

    await dana.board.pickUp({ orderId });
    const captured = await waitFor(
      () => alice.menu.getOrderStatus({ orderId }),
      (status) => status.money === 'captured',
      { what: 'money captured' },
    );
    expect(captured.chargeId).not.toBeNull();
    expect(await holdsOf(paymentsUrl, orderId)).toEqual({
      authorized: 1,
      held: 0,
      captured: 1,
      released: 0,
    });
    await waitFor(
      () => allTickets(kim.tickets),
      (tickets) => !rowOf(tickets, orderId),
      { what: 'picked-up order gone from the tickets' },
    );
  });

  it('answers a retried accept (same requestId) with its first outcome, applying it once', async () => {
    const orderId = await waitingOrder();
    const requestId = randomUUID();
    const [first, retried] = await Promise.all([
      kim.tickets.acceptOrder({ orderId, prepMinutes: 5, requestId }),
      kim.tickets.acceptOrder({ orderId, prepMinutes: 5, requestId }),
    ]);
    expect([first.state, retried.state]).toEqual(['Preparing', 'Preparing']);
    const status = await alice.menu.getOrderStatus({ orderId });
    expect(status.timeline.filter((entry) => entry.state === 'Preparing')).toHaveLength(1);
  });
});

describe('rejectOrder', () => {
  it('tells the customer why, releases the hold, and drops the ticket', async () => {
    const orderId = await waitingOrder();
    const rejected = await kim.tickets.rejectOrder({ orderId, reason: '  Out of ramen tonight. ' });
    expect(rejected).toMatchObject({
      state: 'Releasing hold',
      restaurant: { answer: 'rejected', by: { id: kim.id }, reason: 'Out of ramen tonight.' },
    });
    const ended = await waitForState(alice, orderId, 'Rejected');
    expect(ended).toMatchObject({
      money: 'released',
      failureReason: 'The restaurant rejected the order: Out of ramen tonight.',
    });
    expect(await holdsOf(paymentsUrl, orderId)).toMatchObject({ released: 1, captured: 0 });
    await waitFor(
      () => allTickets(kim.tickets),
      (tickets) => !rowOf(tickets, orderId),
      { what: 'rejected order gone from the tickets' },
    );
  });

  it('rejects an order for the restaurant when it does not answer in its window', async () => {
    const config = testConfig({ ORDER_RESTAURANT_WINDOW_MS: '1000' });
    const hurried = customer({ context: { config } });
    const orderId = await placeOrder(hurried);
    const ended = await waitFor(
      () => hurried.menu.getOrderStatus({ orderId }),
      (status) => !status.open,
      { what: 'order ended' },
    );
    expect(ended).toMatchObject({
      state: 'Rejected',
      money: 'released',
      failureReason: 'The restaurant did not answer in time.',
    });
    await workflowClosed(orderId);
    await expectError(
      kim.tickets.acceptOrder({ orderId, prepMinutes: 5 }),
      'CONFLICT',
      'This order has already ended (Rejected).',
    );
    hurried.close();
  });
});

describe('refusals', () => {
  it('refuses to accept an order twice', async () => {
    const orderId = await waitingOrder();
    await kim.tickets.acceptOrder({ orderId, prepMinutes: 5 });
    await expectError(
      kim.tickets.acceptOrder({ orderId, prepMinutes: 5 }),
      'CONFLICT',
      'This order was already accepted.',
    );
  });

  it('refuses to mark an order ready before accepting it', async () => {
    const orderId = await waitingOrder();
    await expectError(kim.tickets.markReady({ orderId }), 'CONFLICT', 'Accept the order first.');
  });

  it('refuses to reject food that is ready', async () => {
    const orderId = await waitingOrder();
    await kim.tickets.acceptOrder({ orderId, prepMinutes: 0 });
    await kim.tickets.markReady({ orderId });
    await expectError(
      kim.tickets.rejectOrder({ orderId, reason: 'Burnt.' }),
      'CONFLICT',
      'The food is ready: hand it to a driver.',
    );
  });

  it('refuses to accept an order the customer cancelled', async () => {
    const orderId = await waitingOrder();
    await alice.menu.cancelOrder({ orderId });
    await waitFor(
      () => alice.menu.getOrderStatus({ orderId }),
      (status) => !status.open,
      { what: 'order ended' },
    );
    await expectError(
      kim.tickets.acceptOrder({ orderId, prepMinutes: 5 }),
      'CONFLICT',
      'This order has already ended (Cancelled).',
    );
  });

  it('refuses a bad preparation time or reason before asking the order', async () => {
    const orderId = randomUUID();
    const accept = (prepMinutes: number) => kim.tickets.acceptOrder({ orderId, prepMinutes });
    await expectError(accept(-1), 'BAD_REQUEST', 'The preparation time cannot be negative.');
    await expectError(accept(7.5), 'BAD_REQUEST', 'The preparation time is whole minutes.');
    await expectError(accept(181), 'BAD_REQUEST', 'The preparation time is at most 180 minutes.');
    const reject = (reason: string) => kim.tickets.rejectOrder({ orderId, reason });
    await expectError(reject('   '), 'BAD_REQUEST', 'Tell the customer why.');
    await expectError(
      reject('x'.repeat(201)),
      'BAD_REQUEST',
      'A reason is at most 200 characters.',
    );
  });

  it('answers NOT_FOUND for an unknown order', async () => {
    const orderId = randomUUID();
    const notFound = ['NOT_FOUND', `No order ${orderId}.`] as const;
    await expectError(kim.tickets.acceptOrder({ orderId, prepMinutes: 5 }), ...notFound);
    await expectError(kim.tickets.rejectOrder({ orderId, reason: 'Closed.' }), ...notFound);
    await expectError(kim.tickets.markReady({ orderId }), ...notFound);
  });
});

describe("the drivers' board", () => {
  it('never lists an order the restaurant has not accepted, and lists it coming up once accepted', async () => {
    const orderId = await waitingOrder();
    // Once the tickets show the order waiting, the board reads the same Visibility record.
    await waitFor(
      async () => rowOf(await allTickets(kim.tickets), orderId),
      (row) => row?.state === 'Waiting for restaurant',
      { what: 'ticket listed' },
    );
    expect(rowOf(await wholeBoard(dana.board), orderId)).toBeUndefined();

    await kim.tickets.acceptOrder({ orderId, prepMinutes: 5 });
    const comingUp = await waitFor(
      async () => rowOf(await wholeBoard(dana.board), orderId),
      (row) => row !== undefined,
      { what: 'order coming up on the board' },
    );
    expect(comingUp).toMatchObject({ state: 'Preparing', readyAt: expect.any(String) });
    await expectError(
      dana.board.pickUp({ orderId }),
      'CONFLICT',
      'The kitchen is still preparing this order.',
    );
  });
});

describe('ticketUpdates', () => {
  it('brings the kitchen new orders, their changes, and their departure', async () => {
    const watcher = kitchen('Lee Watcher');
    const rows = (await watcher.tickets.ticketUpdates())[Symbol.asyncIterator]();
    const orderId = await placeOrder(alice);
    const states: OrderState[] = [];
    const rowIn = (accept: (state: OrderState) => boolean, what: string) =>
      nextMatching(
        rows,
        (row) => {
          if (row.orderId !== orderId) return false;
          states.push(row.state);
          return accept(row.state);
        },
        { what },
      );

    await rowIn((state) => state === 'Waiting for restaurant', 'new ticket');
    await kim.tickets.acceptOrder({ orderId, prepMinutes: 7 });
    const preparing = await rowIn((state) => state === 'Preparing', 'accepted ticket');
    expect(preparing.readyAt).toEqual(expect.any(String));
    await kim.tickets.rejectOrder({ orderId, reason: 'The oven broke.' });
    await rowIn((state) => !isIn(KITCHEN_STATES, state), 'ticket leaving the kitchen');
    expect(states).not.toContain('Authorizing card');

    watcher.close();
    await rows.return?.();
  });
});
