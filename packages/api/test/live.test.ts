import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OrderStatus } from '@delivery/common';
import { isOnBoard } from '@delivery/common';
import { EmbeddedOrderEventBus, openOrderEventBus, type OrderEventBus } from '@delivery/events';
import { ChangeFeed, TemporalAccess, type FeedStats } from '../src';
import { customer, driver, kitchen, placeOrder } from './support/actors';
import { readyForPickup, waitForRestaurant } from './support/kitchen-path';
import { services, testConfig } from './support/services';
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

const NOTHING_YET: FeedStats = {
  busSubscriptions: 0,
  events: 0,
  latestReads: 0,
  statusQueries: 0,
  subscribers: 0,
};

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

  it('costs Temporal nothing per change, however many pages watch the order', async () => {
    const feed = new ChangeFeed(services.temporal, openOrderEventBus(services.config.orderEvents));
    const watcher = customer({ context: { feed } });
    const orderId = await placeOrder(watcher);
    await readyForPickup(watcher, orderId);
    expect(feed.stats()).toEqual(NOTHING_YET);

    const tabs = Array.from({ length: 20 }, () =>
      customer({ context: { feed, customerId: watcher.id } }),
    );
    const pages = await Promise.all(
      tabs.map((tab) => subscribe(tab.menu.orderUpdates({ orderId }))),
    );
    const firsts = await Promise.all(pages.map((page) => nextMatching(page, () => true)));
    expect(firsts.every((status: OrderStatus) => status.state === 'Ready for pickup')).toBe(true);
    expect(feed.stats()).toMatchObject({ busSubscriptions: 1, subscribers: 20 });

    await dana.board.pickUp({ orderId });
    await Promise.all(
      pages.map((page) => nextMatching(page, (status) => status.state === 'Picked up')),
    );
    // Each page read the order from its latest event, and the change came as an event.
    const stats = feed.stats();
    expect(stats.statusQueries).toBe(0);
    expect(stats.latestReads).toBeLessThanOrEqual(20);
    expect(stats.busSubscriptions).toBe(1);

    tabs.forEach((tab) => tab.close());
    await Promise.all(pages.map((page) => page.return?.()));
    expect(feed.stats()).toMatchObject({ busSubscriptions: 1, subscribers: 0 });
  });

  it('reads an order that published no event (started before events) once with getStatus, for every page', async () => {
    const noEvents = join(mkdtempSync(join(tmpdir(), 'no-events-')), 'events.sqlite');
    const feed = new ChangeFeed(services.temporal, new EmbeddedOrderEventBus(noEvents));
    const watcher = customer({ context: { feed } });
    const orderId = await placeOrder(watcher);
    const waiting = await waitForRestaurant(watcher, orderId);

    const tabs = Array.from({ length: 20 }, () =>
      customer({ context: { feed, customerId: watcher.id } }),
    );
    const pages = await Promise.all(
      tabs.map((tab) => subscribe(tab.menu.orderUpdates({ orderId }))),
    );
    const firsts = await Promise.all(pages.map((page) => nextMatching(page, () => true)));
    expect(firsts.every((status: OrderStatus) => status.updatedAt === waiting.updatedAt)).toBe(
      true,
    );
    expect(feed.stats()).toMatchObject({ statusQueries: 1, latestReads: 1, subscribers: 20 });
    tabs.forEach((tab) => tab.close());
    await Promise.all(pages.map((page) => page.return?.()));
  });
});

describe('the status a live page starts from', () => {
  it('waits through an outage of the broker and Temporal together, then reads it from the broker', async () => {
    const watcher = customer();
    const orderId = await placeOrder(watcher);
    const waiting = await waitForRestaurant(watcher, orderId);
    const bus = openOrderEventBus(services.config.orderEvents);
    let brokerDown = true;
    const restartingBroker: OrderEventBus = {
      publish: (event) => bus.publish(event),
      latest: (id) =>
        brokerDown ? Promise.reject(new Error('connection refused')) : bus.latest(id),
      subscribe: (onEvent, options) => bus.subscribe(onEvent, options),
      close: () => bus.close(),
    };
    const temporalDown = new TemporalAccess(
      testConfig({ TEMPORAL_ADDRESS: '127.0.0.1:1', TEMPORAL_CONNECT_TIMEOUT_MS: '200' }).temporal,
    );
    const feed = new ChangeFeed(temporalDown, restartingBroker);

    const reading = feed.current(orderId);
    setTimeout(() => (brokerDown = false), 1_500);
    expect((await reading).status).toMatchObject({ orderId, updatedAt: waiting.updatedAt });
    // Temporal was asked while the broker was down, and did not answer either.
    expect(feed.stats().statusQueries).toBeGreaterThan(0);
    await bus.close();
  });
  it('reads an order placed a moment ago from its first event, however long Temporal takes to answer', async () => {
    const watcher = customer();
    const waiting = await waitForRestaurant(watcher, await placeOrder(watcher));
    const bus = openOrderEventBus(services.config.orderEvents);
    // A query of a workflow whose first task is in flight waits for that task.
    const temporalStillAnswering = {
      run: () => new Promise<never>(() => {}),
    } as unknown as TemporalAccess;
    const feed = new ChangeFeed(temporalStillAnswering, bus);
    const orderId = randomUUID();

    const reading = feed.current(orderId);
    setTimeout(
      () => void bus.publish({ orderId, version: 1, status: { ...waiting, orderId } }),
      300,
    );
    expect((await reading).status).toMatchObject({ orderId, state: 'Waiting for restaurant' });
    expect(feed.stats()).toMatchObject({ statusQueries: 1, subscribers: 0 });
    await bus.close();
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

    // A board whose stream reconnects now still hears of it: recent changes are replayed.
    const reconnected = await subscribe(sam.board.boardUpdates());
    expect(
      await nextMatching(reconnected, (row) => row.orderId === orderId, { what: 'replayed row' }),
    ).toMatchObject({ state: 'Picked up', driverId: dana.id });

    // So does one that comes back to a site process started since (its replica restarted): a
    // process's feed starts with the events of the last 30 s, read back from the broker.
    const restarted = new ChangeFeed(
      services.temporal,
      openOrderEventBus(services.config.orderEvents),
    );
    const elsewhere = driver('Sam', { feed: restarted });
    const caughtUp = await subscribe(elsewhere.board.boardUpdates());
    expect(
      await nextMatching(caughtUp, (row) => row.orderId === orderId, { what: 'caught-up row' }),
    ).toMatchObject({ state: 'Picked up', driverId: dana.id });
    sam.close();
    elsewhere.close();
    await rows.return?.();
    await reconnected.return?.();
    await caughtUp.return?.();
  });
});
