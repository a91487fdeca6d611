import { randomUUID } from 'node:crypto';
import { defaultPayloadConverter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAPPY_PATH, type OrderStatus } from '@delivery/common';
import type { OrderEvent } from '@delivery/events';
import { accepted, pickedUp } from '@delivery/harness/order-actions';
import { waitForState, waitForStatus } from '@delivery/harness/orders';
import type { OrderHandle } from '../src/client';
import type { OrderResult } from '../src/messages';
import { patientExcept } from './support/order-ends';
import { orderHarness, type OrderHarness } from './support/order-harness';
import { dana } from './support/people';

const { EventType } = temporal.api.enums.v1;

let harness: OrderHarness;
beforeAll(async () => {
  harness = await orderHarness();
});
afterAll(() => harness.close());

/** What the order's history says it asked to publish, in the order it asked. */
async function eventsScheduled(handle: OrderHandle) {
  const events = (await handle.fetchHistory()).events ?? [];
  const publishes = events.filter(
    (event) =>
      event.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED &&
      event.activityTaskScheduledEventAttributes?.activityType?.name === 'publishOrderEvent',
  );
  const completedIds = new Set(
    events
      .filter((event) => event.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED)
      .map((event) => Number(event.activityTaskCompletedEventAttributes?.scheduledEventId)),
  );
  return publishes.map((event) => ({
    event: defaultPayloadConverter.fromPayload<OrderEvent>(
      event.activityTaskScheduledEventAttributes!.input!.payloads![0]!,
    ),
    landed: completedIds.has(Number(event.eventId)),
  }));
}

/** The order's status as its result gives it, without the request outcomes events leave out. */
const statusOf = ({ outcomes: _outcomes, ...status }: OrderResult): OrderStatus => status;

/** Starts an order whose events a subscriber of the harness's bus records from the start. */
async function watchedOrder(windows = patientExcept()) {
  const orderId = randomUUID();
  const seen: number[] = [];
  const subscription = harness.events.subscribe(
    (event) => event.orderId === orderId && seen.push(event.version),
  );
  await subscription.ready;
  const handle = await harness.startOrder({ orderId, windows });
  return { orderId, handle, seen, stop: () => subscription.close() };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (const deadline = Date.now() + 10_000; !check(); ) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the events an order publishes', () => {
  it('are every change, versions 1, 2, 3… in order, the last its final state, landed before it completes', () =>
    harness.withWorker(async () => {
      const { orderId, handle, seen, stop } = await watchedOrder();
      await pickedUp(handle, dana);
      await waitForStatus(handle, (status) => status.money === 'captured');
      await accepted(handle, { action: 'deliver', driver: dana });
      await accepted(handle, { action: 'rate', rating: { stars: 4 } });
      const final = await handle.result();

      // When the order completes, the broker already holds its final state.
      const latest = await harness.events.latest(orderId);
      expect(latest?.status).toEqual(statusOf(final));
      expect(latest?.status.open).toBe(false);

      const scheduled = await eventsScheduled(handle);
      expect(scheduled.map(({ event }) => event.version)).toEqual(
        scheduled.map((_, index) => index + 1),
      );
      expect(scheduled.every(({ event }) => event.orderId === orderId)).toBe(true);
      expect(scheduled.every(({ landed }) => landed)).toBe(true);
      expect(scheduled.at(-1)!.event).toEqual(latest);
      // Each event is the order as it was then: the states come in the order's own order.
      const states = scheduled.map(({ event }) => event.status.state);
      expect([...new Set(states)]).toEqual([...HAPPY_PATH]);
      expect(scheduled.at(-2)!.event.status.rating).toMatchObject({ stars: 4 });
      // The money taken at pickup is published when the capture lands, not at delivery.
      const pickedUpEvents = scheduled.filter(({ event }) => event.status.state === 'Picked up');
      expect(pickedUpEvents.map(({ event }) => event.status.money)).toEqual([
        'authorized',
        'captured',
      ]);

      // A subscriber sees versions only rise, up to the last.
      await until(() => seen.includes(latest!.version), 'the final event');
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      expect(new Set(seen).size).toBe(seen.length);
      await stop();
    }));

  it('end with the final state when an operator cancels the order', () =>
    harness.withWorker(async () => {
      const { orderId, handle, stop } = await watchedOrder();
      await waitForState(handle, 'Waiting for restaurant');
      await handle.cancel();
      const final = await handle.result();
      expect(final.state).toBe('Cancelled');
      const latest = await harness.events.latest(orderId);
      expect(latest?.status).toEqual(statusOf(final));
      const versions = (await eventsScheduled(handle)).map(({ event }) => event.version);
      expect(latest?.version).toBe(versions.at(-1));
      await stop();
    }));
});
