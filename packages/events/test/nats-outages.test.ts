import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManagedProcess } from '@delivery/harness/managed-process';
import { natsServer, natsUrl } from '@delivery/harness/nats-server';
import { freePort } from '@delivery/harness/ports';
import { NatsOrderEventBus, type OrderEvent, type OrderEventBus } from '../src';
import { eventOf, eventually, expectRisingTo, newOrderId, recordEvents } from './support/events';
import { TcpProxy } from './support/tcp-proxy';

const quiet = () => undefined;

/** Publishes as the activity does: an attempt that fails is tried again until it lands. */
async function publishRetried(bus: OrderEventBus, event: OrderEvent): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      return await bus.publish(event);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

let server: ManagedProcess;
let port: number;
const buses: OrderEventBus[] = [];
const bus = (url = natsUrl(port)) => {
  const opened = new NatsOrderEventBus([url], quiet);
  buses.push(opened);
  return opened;
};

beforeAll(async () => {
  port = await freePort();
  server = await natsServer({ port }).start();
});
afterAll(async () => {
  await Promise.all(buses.map((opened) => opened.close()));
  await server?.stop();
});

describe('order events through broker outages', () => {
  it('keeps every order’s latest event across a SIGKILL of the broker, and the subscriber catches up', async () => {
    const [worker, site] = [bus(), bus()];
    const seen = recordEvents(site);
    await seen.ready;
    const [kept, changed, started] = [newOrderId(), newOrderId(), newOrderId()];
    await worker.publish(eventOf(kept, 1));
    await worker.publish(eventOf(changed, 1));
    await eventually(() => seen.versionsOf(changed).includes(1), 'the first events');

    await server.stop('SIGKILL');
    const publishing = Promise.all([
      publishRetried(worker, eventOf(changed, 2)),
      publishRetried(worker, eventOf(changed, 3, 'Ready for pickup')),
      publishRetried(worker, eventOf(started, 1)),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await server.start();
    await publishing;

    await eventually(
      () => seen.versionsOf(changed).includes(3) && seen.versionsOf(started).includes(1),
      'the events published through the restart',
    );
    expectRisingTo(seen.versionsOf(changed), 3);
    expect(await site.latest(kept)).toEqual(eventOf(kept, 1));
    expect(await site.latest(changed)).toEqual(eventOf(changed, 3, 'Ready for pickup'));
  });

  it('lands an event published while the broker restarts in that one call, once it is back', async () => {
    const [worker, site] = [bus(), bus()];
    const seen = recordEvents(site);
    await seen.ready;
    const orderId = newOrderId();
    await worker.publish(eventOf(orderId, 1));

    await server.stop('SIGKILL');
    const publishing = worker.publish(eventOf(orderId, 2, 'Ready for pickup'));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await server.start();

    await publishing;
    expect(await site.latest(orderId)).toEqual(eventOf(orderId, 2, 'Ready for pickup'));
    await eventually(() => seen.versionsOf(orderId).includes(2), 'the event after the restart');
  });

  it('catches a subscriber up on what was published while it was cut off', async () => {
    const proxy = await TcpProxy.to(port);
    const worker = bus();
    const seen = recordEvents(bus(natsUrl(proxy.port)));
    await seen.ready;
    const [first, second] = [newOrderId(), newOrderId()];
    await worker.publish(eventOf(first, 1));
    await eventually(() => seen.versionsOf(first).includes(1), 'the first event');

    await proxy.cut();
    await worker.publish(eventOf(first, 2));
    await worker.publish(eventOf(first, 3, 'Picked up'));
    await worker.publish(eventOf(second, 1));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(seen.versionsOf(first)).toEqual([1]);

    await proxy.open();
    await eventually(
      () => seen.versionsOf(first).includes(3) && seen.versionsOf(second).includes(1),
      'the events published while cut off',
    );
    // Caught up by stream sequence: the order changed twice arrives once, as its latest.
    expect(seen.versionsOf(first)).toEqual([1, 3]);
    await proxy.cut();
  });

  it('works once the broker is up when a bus starts while it is down', async () => {
    await server.stop('SIGKILL');
    const [worker, site] = [bus(), bus()];
    const orderId = newOrderId();
    await expect(worker.publish(eventOf(orderId, 1))).rejects.toThrow();
    const seen = recordEvents(site);
    await server.start();
    await seen.ready;
    await publishRetried(worker, eventOf(orderId, 1));
    await eventually(() => seen.versionsOf(orderId).includes(1), 'the event');
    expect(await site.latest(orderId)).toEqual(eventOf(orderId, 1));
  });
});
