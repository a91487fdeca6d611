import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  RecordingChannel,
  createActivities,
  createPaymentsClient,
  type PushNotification,
} from '@delivery/activities';
import type { OrderStatus, OrderWindows } from '@delivery/common';
import {
  KITCHEN,
  act,
  deliver,
  pickedUp,
  preparing,
  readyForPickup,
} from '@delivery/harness/order-actions';
import { startOrder, statesVisited, waitForState, waitForStatus } from '@delivery/harness/orders';
import { uniqueTaskQueue } from '@delivery/harness/stack';
import { ORDER_CLIENT_OPTIONS, type OrderHandle } from '../src/client';
import type { OrderAction } from '../src/messages';
import { testEventBus, workflowBundle } from './support/order-harness';
import { dana } from './support/people';

/**
 * The collision behind temporalio/sdk-typescript#1966 (and sdk-python#1591): an action reaches a
 * worker that starts the workflow cold in the same workflow task as a fired timer or a finished
 * activity. Each case stops the workflow worker, lets the timer fire or the activity finish,
 * sends the action, starts a new worker, then replays the history it wrote.
 */
const LONG = 120_000;
/** Long enough for the warm worker to have shut down before the step's timer fires. */
const TIMER_MS = 8_000;
const { EventType } = temporal.api.enums.v1;

/** The order waits for its capture before its delivery and rating windows' timers start. */
async function pickedUpAndCaptured(handle: OrderHandle): Promise<void> {
  await pickedUp(handle, dana);
  await waitForStatus(handle, (status) => status.money === 'captured');
}

interface Step {
  reach(handle: OrderHandle): Promise<unknown>;
  timer: Partial<OrderWindows>;
  notification: string;
  action: OrderAction;
  tookEffect(status: OrderStatus): boolean;
}

/**
 * Each action at the step it is taken: how the order gets there, the window whose timer fires
 * at that step, the notification sent as the step began, the action, and what the order shows
 * once it took effect.
 */
type ActionName = 'accept' | 'reject' | 'cancel' | 'mark ready' | 'pick up' | 'deliver' | 'rate';

const STEPS: Record<ActionName, Step> = {
  accept: {
    reach: (handle) => waitForState(handle, 'Waiting for restaurant'),
    timer: { restaurantWindowMs: TIMER_MS },
    notification: 'placed',
    action: { action: 'accept', staff: KITCHEN, prepMinutes: 5 },
    tookEffect: (status) => status.restaurant?.answer === 'accepted',
  },
  reject: {
    reach: (handle) => waitForState(handle, 'Waiting for restaurant'),
    timer: { restaurantWindowMs: TIMER_MS },
    notification: 'placed',
    action: { action: 'reject', staff: KITCHEN, reason: 'Closed early.' },
    tookEffect: (status) => status.restaurant?.answer === 'rejected',
  },
  cancel: {
    reach: (handle) => waitForState(handle, 'Waiting for restaurant'),
    timer: { restaurantWindowMs: TIMER_MS },
    notification: 'placed',
    action: { action: 'cancel' },
    // The customer's cancel is the only release without a failure reason.
    tookEffect: (status) =>
      status.failureReason === null && statesVisited(status).includes('Releasing hold'),
  },
  'mark ready': {
    reach: (handle) => preparing(handle, 0),
    timer: { preparationGraceMs: TIMER_MS },
    notification: 'accepted',
    action: { action: 'markReady', staff: KITCHEN },
    tookEffect: (status) => statesVisited(status).includes('Ready for pickup'),
  },
  'pick up': {
    reach: (handle) => readyForPickup(handle),
    timer: { pickupWindowMs: TIMER_MS },
    notification: 'ready',
    action: { action: 'pickUp', driver: dana },
    tookEffect: (status) => status.driver?.id === dana.id,
  },
  deliver: {
    reach: (handle) => pickedUpAndCaptured(handle),
    timer: { deliveryWindowMs: TIMER_MS },
    notification: 'picked-up',
    action: { action: 'deliver', driver: dana },
    tookEffect: (status) => statesVisited(status).includes('Delivered'),
  },
  rate: {
    reach: async (handle) => {
      await pickedUpAndCaptured(handle);
      await deliver(handle, dana);
    },
    timer: { ratingDelayMs: TIMER_MS },
    notification: 'delivered',
    action: { action: 'rate', rating: { stars: 5 } },
    tookEffect: (status) => status.rating?.stars === 5,
  },
};

type Collider = 'timer' | 'activity' | 'activity, then timer';

/** What must happen while no workflow worker runs, in this order, before the action is sent. */
const COLLIDER: Record<Collider, { timer: boolean; held: boolean }> = {
  timer: { timer: true, held: false },
  activity: { timer: false, held: true },
  'activity, then timer': { timer: true, held: true },
};

/** Notifications for the held event wait until released, so their completion can be timed. */
class HeldChannel extends RecordingChannel {
  private open!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.open = resolve));
  constructor(private readonly held: string | null) {
    super({ log: () => undefined });
  }
  release(): void {
    this.open();
  }
  override async send(notification: PushNotification): Promise<void> {
    if (notification.event === this.held) await this.gate;
    return super.send(notification);
  }
}

/** Waits until `eventType` is in the history after the last completed workflow task. */
async function waitForEventAfterLastTask(
  handle: OrderHandle,
  eventType: temporal.api.enums.v1.EventType,
): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const types = ((await handle.fetchHistory()).events ?? []).map((event) => event.eventType);
    const lastTask = types.lastIndexOf(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
    if (types.slice(lastTask + 1).includes(eventType)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${EventType[eventType]} never happened in ${handle.workflowId}`);
}

let connection: Connection;
let nativeConnection: NativeConnection;
let client: Client;
const events = testEventBus();
beforeAll(async () => {
  const address = inject('temporalAddress');
  connection = await Connection.connect({ address });
  nativeConnection = await NativeConnection.connect({ address });
  client = new Client({ connection, namespace: 'default', workflow: ORDER_CLIENT_OPTIONS });
});
afterAll(async () => {
  await connection?.close();
  await nativeConnection?.close();
  await events.close();
});

const CASES = (Object.keys(STEPS) as ActionName[]).flatMap((action) =>
  (Object.keys(COLLIDER) as Collider[]).map((collider) => ({ action, collider })),
);

describe('an action that reaches a cold worker with a fired timer or a finished activity', () => {
  it.concurrent.each(CASES)('$action, colliding with: $collider', async ({ action, collider }) => {
    const taskQueue = uniqueTaskQueue('collision');
    const { timer, held } = COLLIDER[collider];
    const step = STEPS[action];
    const channel = new HeldChannel(held ? step.notification : null);
    const activityWorker = await Worker.create({
      connection: nativeConnection,
      taskQueue,
      activities: createActivities({
        payments: createPaymentsClient(inject('paymentsUrl')),
        notifications: channel,
        events,
      }),
    });
    const workflowWorker = async () =>
      Worker.create({
        connection: nativeConnection,
        taskQueue,
        workflowBundle: await workflowBundle(),
        stickyQueueScheduleToStartTimeout: '4 seconds',
      });

    await activityWorker.runUntil(async () => {
      const windows: OrderWindows = {
        paymentWindowMs: LONG,
        restaurantWindowMs: LONG,
        preparationGraceMs: LONG,
        pickupWindowMs: LONG,
        deliveryWindowMs: LONG,
        ratingDelayMs: LONG,
        ratingWindowMs: LONG,
        ...(timer ? step.timer : {}),
      };
      const handle = await startOrder(client, { taskQueue, windows });
      const warm = await workflowWorker();
      await warm.runUntil(() => step.reach(handle));

      if (held) {
        channel.release();
        await waitForEventAfterLastTask(handle, EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED);
      }
      if (timer) await waitForEventAfterLastTask(handle, EventType.EVENT_TYPE_TIMER_FIRED);
      const answer = act(handle, step.action, `collision-${action}`, { waitMs: 60_000 });

      const cold = await workflowWorker();
      const { outcome, status } = await cold.runUntil(answer);
      expect(step.tookEffect(status)).toBe(outcome.accepted);

      const history = await handle.fetchHistory();
      await expect(
        Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history),
      ).resolves.toBeUndefined();
      if ((await handle.describe()).status.name === 'RUNNING') await handle.terminate('test over');
    });
  });
});
