import { afterAll, describe, expect, it } from 'vitest';
import type { OrderStatus } from '@delivery/common';
import { isOnBoard } from '@delivery/common';
import { ChangeFeed } from '../src';
import { customer, driver, kitchen, placeOrder } from './support/actors';
import { readyForPickup, waitForRestaurant } from './support/kitchen-path';
import { services } from './support/services';
import { nextMatching } from './support/iterate';
import { expectError } from './support/wait';

const dana = driver('Dana');
const pass = kitchen();
afterAll(() => {
  dana.close();
  pass.close();
});

const subscribe = async <T>(subscription: Promise<AsyncIterable<T>>) =>
  (await subscription)[Symbol.asyncIterator]();

describe('orderUpdates', () => {
  it('yields the status now, then each change as it happens', async () => {
    const watcher = customer();
    const orderId = await placeOrder(watcher);
    await waitForRestaurant(watcher, orderId);
    const updates = await subscribe(watcher.menu.orderUpdates({ orderId }));
    expect(await nextMatching(updates, () => true)).toMatchObject({
      orderId,
      state: 'Waiting for restaurant',
    });
    await pass.tickets.acceptOrder({ orderId, prepMinutes: 12 });
    const accepted = await nextMatching(updates, (status) => status.state === 'Preparing', {
      what: 'acceptance',
    });
    expect(accepted.restaurant).toMatchObject({ answer: 'accepted', prepMinutes: 12 });
    await pass.tickets.markReady({ orderId });
    await dana.board.pickUp({ orderId });
    const pickedUp = await nextMatching(updates, (status) => status.state === 'Picked up', {
      what: 'pickup',
    });
    expect(pickedUp.driver).toEqual({ id: dana.id, name: 'Dana' });
    watcher.close();
    await updates.return?.();
  });

  it('ends once the order has ended', async () => {
    const watcher = customer();
    const orderId = await placeOrder(watcher, { paymentMethod: 'pm_card_chargeDeclined' });
    const updates = await subscribe(watcher.menu.orderUpdates({ orderId }));
    await nextMatching(updates, (status) => status.state === 'Failed' && !status.open, {
      what: 'final status',
    });
    expect(await updates.next()).toEqual({ done: true, value: undefined });
  });

  it("refuses to watch another customer's order", async () => {
    const orderId = await placeOrder(customer());
    const updates = await subscribe(customer().menu.orderUpdates({ orderId }));
    await expectError(updates.next(), 'NOT_FOUND', `No order ${orderId}.`);
  });

  it('costs Temporal one query per change, however many pages watch the order', async () => {
    const feed = new ChangeFeed(services.temporal, { ...services.config.live, pollMs: 200 });
    const watcher = customer({ context: { feed } });
    const orderId = await placeOrder(watcher);
    await readyForPickup(watcher, orderId);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(feed.stats()).toEqual({ visibilityCalls: 0, statusQueries: 0, subscribers: 0 });

    const changes = new Set<string>();
    const stopCounting = feed.subscribe(
      (row) => row.orderId === orderId && changes.add(row.updatedAt),
    );
    const startedAt = Date.now();
    const tabs = Array.from({ length: 20 }, () =>
      customer({ context: { feed, customerId: watcher.id } }),
    );
    const pages = await Promise.all(
      tabs.map((tab) => subscribe(tab.menu.orderUpdates({ orderId }))),
    );
    const firsts = await Promise.all(pages.map((page) => nextMatching(page, () => true)));
    expect(firsts.every((status: OrderStatus) => status.orderId === orderId)).toBe(true);
    expect(feed.stats().subscribers).toBe(21);

    await dana.board.pickUp({ orderId });
    await Promise.all(
      pages.map((page) => nextMatching(page, (status) => status.state === 'Picked up')),
    );
    const elapsed = Date.now() - startedAt;
    const stats = feed.stats();
    expect(stats.statusQueries).toBeLessThanOrEqual(1 + changes.size);
    expect(stats.statusQueries).toBeLessThan(20);
    expect(stats.visibilityCalls).toBeLessThanOrEqual(Math.ceil(elapsed / 200) + 1);

    tabs.forEach((tab) => tab.close());
    stopCounting();
    await Promise.all(pages.map((page) => page.return?.()));
    expect(feed.stats().subscribers).toBe(0);
    const idle = feed.stats().visibilityCalls;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(feed.stats().visibilityCalls).toBe(idle);
  });
});

describe('myOrderUpdates', () => {
  it("yields the customer's own order rows as they change, and no one else's", async () => {
    const [ann, ben] = [customer(), customer()];
    const rows = await subscribe(ann.menu.myOrderUpdates());
    const seen: string[] = [];
    const waiting = nextMatching(
      rows,
      (row) => {
        seen.push(row.customerId);
        return row.orderId === annOrder && row.state === 'Waiting for restaurant';
      },
      { what: "ann's order waiting for the restaurant" },
    );
    await placeOrder(ben);
    const annOrder = await placeOrder(ann);
    expect(await waiting).toMatchObject({ customerId: ann.id, totalCents: 1250 + 1600 });
    expect(new Set(seen)).toEqual(new Set([ann.id]));
    ann.close();
    await rows.return?.();
  });
});

describe('boardUpdates', () => {
  it('shows a driver orders once the kitchen accepts them, and takes them away when another driver picks them up', async () => {
    const sam = driver('Sam');
    const buyer = customer();
    const rows = await subscribe(sam.board.boardUpdates());
    const orderId = await placeOrder(buyer);
    const states: string[] = [];
    const waiting = nextMatching(
      rows,
      (row) => {
        if (row.orderId === orderId) states.push(row.state);
        return row.orderId === orderId && row.state === 'Ready for pickup';
      },
      { what: 'ready row' },
    );
    await readyForPickup(buyer, orderId);
    const ready = await waiting;
    expect(isOnBoard(ready, sam.id)).toBe(true);
    expect(states).not.toContain('Authorizing card');
    expect(states).not.toContain('Waiting for restaurant');
    await dana.board.pickUp({ orderId });
    const taken = await nextMatching(
      rows,
      (row) => row.orderId === orderId && row.state === 'Picked up',
      {
        what: 'picked-up row',
      },
    );
    expect(taken.driverId).toBe(dana.id);
    expect(isOnBoard(taken, sam.id)).toBe(false);
    sam.close();
    await rows.return?.();
  });
});
