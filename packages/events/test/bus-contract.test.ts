import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManagedProcess } from '@delivery/harness/managed-process';
import { natsServer, natsUrl } from '@delivery/harness/nats-server';
import { freePort } from '@delivery/harness/ports';
import { EmbeddedOrderEventBus, NatsOrderEventBus, type OrderEventBus } from '../src';
import {
  eventOf,
  eventually,
  expectRisingTo,
  newOrderId,
  recordEvents,
  shuffled,
} from './support/events';

const quiet = () => undefined;

let nats: ManagedProcess;
let natsPort: number;
beforeAll(async () => {
  natsPort = await freePort();
  nats = await natsServer({ port: natsPort }).start();
});
afterAll(() => nats?.stop());

/** Each bus as the worker (writer) and a site (reader) open it: two clients of one broker. */
const BUSES: { name: string; open: () => () => OrderEventBus }[] = [
  {
    name: 'embedded (one SQLite file)',
    open: () => {
      const path = join(mkdtempSync(join(tmpdir(), 'order-events-')), 'events.sqlite');
      return () => new EmbeddedOrderEventBus(path, quiet);
    },
  },
  { name: 'NATS JetStream', open: () => () => new NatsOrderEventBus([natsUrl(natsPort)], quiet) },
];

describe.each(BUSES)('the $name bus', ({ open }) => {
  let client: () => OrderEventBus;
  let worker: OrderEventBus;
  let site: OrderEventBus;
  beforeAll(() => {
    client = open();
    worker = client();
    site = client();
  });
  afterAll(async () => {
    await worker?.close();
    await site?.close();
  });

  it('keeps the latest event of each order, and none of an order that published nothing', async () => {
    const [first, second] = [newOrderId(), newOrderId()];
    await worker.publish(eventOf(first, 1, 'Authorizing card'));
    await worker.publish(eventOf(first, 2, 'Waiting for restaurant'));
    await worker.publish(eventOf(second, 1));
    expect(await site.latest(first)).toEqual(eventOf(first, 2, 'Waiting for restaurant'));
    expect(await site.latest(second)).toEqual(eventOf(second, 1));
    expect(await site.latest(newOrderId())).toBeNull();
  });

  it('passes each order’s events published after subscribing on, rising to its latest', async () => {
    const before = newOrderId();
    await worker.publish(eventOf(before, 1));
    const seen = recordEvents(site);
    await seen.ready;
    const orderId = newOrderId();
    for (const version of [1, 2, 3]) await worker.publish(eventOf(orderId, version));
    await worker.publish(eventOf(before, 2));
    await eventually(() => seen.versionsOf(orderId).includes(3), 'version 3');
    await eventually(() => seen.versionsOf(before).includes(2), 'the other order');
    // Only news: what was published before the subscription is read with `latest`.
    expect(seen.versionsOf(before)).toEqual([2]);
    // A version already replaced when the subscriber reads may be skipped: its latest never is.
    expectRisingTo(seen.versionsOf(orderId), 3);
    await seen.close();
  });

  it('starts a subscriber from a time with the latest event of each order changed since', async () => {
    const [earlier, changed] = [newOrderId(), newOrderId()];
    await worker.publish(eventOf(earlier, 1));
    // Far enough apart for the broker's clock and ours to tell the two writes apart.
    await pause(300);
    const since = Date.now();
    await pause(300);
    for (const version of [1, 2]) await worker.publish(eventOf(changed, version));

    const seen = recordEvents(site, { since });
    await seen.ready;
    await eventually(() => seen.versionsOf(changed).includes(2), 'the order changed since');
    await worker.publish(eventOf(changed, 3));
    await eventually(() => seen.versionsOf(changed).includes(3), 'news after the catch-up');
    // Delivered in the order written: `earlier` would have come before `changed`.
    expect(seen.versionsOf(earlier)).toEqual([]);
    expect(seen.versionsOf(changed)).toEqual([2, 3]);
    await seen.close();
  });

  it('never replaces a newer version with an older one, however retried publishes interleave', async () => {
    const orderId = newOrderId();
    const seen = recordEvents(site);
    await seen.ready;
    // Two workers retrying attempts of versions 1..12, each twice, landing in any order.
    const attempts = shuffled([...Array(12).keys()].flatMap((i) => [i + 1, i + 1]));
    const other = client();
    await Promise.all(
      attempts.map((version, i) => (i % 2 ? worker : other).publish(eventOf(orderId, version))),
    );
    expect(await site.latest(orderId)).toEqual(eventOf(orderId, 12));
    await eventually(() => seen.versionsOf(orderId).includes(12), 'version 12');
    // Duplicates and stale versions are dropped: what a subscriber sees only ever rises.
    expectRisingTo(seen.versionsOf(orderId), 12);

    await worker.publish(eventOf(orderId, 5));
    await worker.publish(eventOf(orderId, 12, 'Cancelled'));
    expect(await site.latest(orderId)).toEqual(eventOf(orderId, 12));
    await other.close();
    await seen.close();
  });

  it('keeps publishing and reading orders whose ids are not plain tokens', async () => {
    const orderId = `ops/${newOrderId()}.manual order`;
    await worker.publish(eventOf(orderId, 1));
    expect(await site.latest(orderId)).toEqual(eventOf(orderId, 1));
  });
});
