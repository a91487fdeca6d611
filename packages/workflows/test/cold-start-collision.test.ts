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
import { accepted, act } from '@delivery/harness/order-actions';
import { startOrder, waitForState } from '@delivery/harness/orders';
import { uniqueTaskQueue } from '@delivery/harness/stack';
import { ORDER_CLIENT_OPTIONS, type OrderHandle } from '../src/client';
import type { OrderAction } from '../src/messages';
import { workflowBundle } from './support/order-harness';

/**
 * The collision behind temporalio/sdk-typescript#1966 (and sdk-python#1591): an action reaches a
 * worker that starts the workflow cold in the same workflow task as a fired timer or a finished
 * activity. Each case stops the workflow worker, lets the timer fire or the activity finish,
 * sends the action, starts a new worker, then replays the history it wrote.
 */
type Action = 'pick up' | 'deliver' | 'cancel' | 'rate';
type Collider = 'timer' | 'activity' | 'activity, then timer';

const dana = { id: 'dana', name: 'Dana' };
const LONG = 120_000;
const { EventType } = temporal.api.enums.v1;

/** The window whose timer fires at the action's step, and the notification sent at that step. */
const AT_STEP: Record<Action, { timer: Partial<OrderWindows>; notification: string }> = {
  'pick up': { timer: { pickupWindowMs: 2_500 }, notification: 'paid' },
  cancel: { timer: { pickupWindowMs: 2_500 }, notification: 'paid' },
  deliver: { timer: { deliveryWindowMs: 2_500 }, notification: 'picked-up' },
  rate: { timer: { ratingDelayMs: 2_000 }, notification: 'delivered' },
};

/** What must happen while no workflow worker runs, in this order, before the action is sent. */
const COLLIDER: Record<Collider, { timer: boolean; held: boolean }> = {
  timer: { timer: true, held: false },
  activity: { timer: false, held: true },
  'activity, then timer': { timer: true, held: true },
};

const ACTION: Record<Action, OrderAction> = {
  'pick up': { action: 'pickUp', driver: dana },
  deliver: { action: 'deliver', driver: dana },
  cancel: { action: 'cancel' },
  rate: { action: 'rate', rating: { stars: 5 } },
};

/** What the order shows once the action took effect. */
const TOOK_EFFECT: Record<Action, (status: OrderStatus) => boolean> = {
  'pick up': (status) => status.driver?.id === dana.id,
  deliver: (status) => status.timeline.some((entry) => entry.state === 'Delivered'),
  cancel: (status) => status.state === 'Refunding' || status.state === 'Cancelled',
  rate: (status) => status.rating?.stars === 5,
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
beforeAll(async () => {
  const address = inject('temporalAddress');
  connection = await Connection.connect({ address });
  nativeConnection = await NativeConnection.connect({ address });
  client = new Client({ connection, namespace: 'default', workflow: ORDER_CLIENT_OPTIONS });
});
afterAll(async () => {
  await connection?.close();
  await nativeConnection?.close();
});

const CASES = (['pick up', 'deliver', 'cancel', 'rate'] as const).flatMap((action) =>
  (['timer', 'activity', 'activity, then timer'] as const).map((collider) => ({
    action,
    collider,
  })),
);

describe('an action that reaches a cold worker with a fired timer or a finished activity', () => {
  it.concurrent.each(CASES)('$action, colliding with: $collider', async ({ action, collider }) => {
    const taskQueue = uniqueTaskQueue('collision');
    const { timer, held } = COLLIDER[collider];
    const step = AT_STEP[action];
    const channel = new HeldChannel(held ? step.notification : null);
    const activityWorker = await Worker.create({
      connection: nativeConnection,
      taskQueue,
      activities: createActivities({
        payments: createPaymentsClient(inject('paymentsUrl')),
        notifications: channel,
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
      await warm.runUntil(async () => {
        await waitForState(handle, 'Paid');
        if (action === 'deliver' || action === 'rate')
          await accepted(handle, { action: 'pickUp', driver: dana });
        if (action === 'rate') await accepted(handle, { action: 'deliver', driver: dana });
      });

      if (held) {
        channel.release();
        await waitForEventAfterLastTask(handle, EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED);
      }
      if (timer) await waitForEventAfterLastTask(handle, EventType.EVENT_TYPE_TIMER_FIRED);
      const answer = act(handle, ACTION[action], `collision-${action}`, { waitMs: 60_000 });

      const cold = await workflowWorker();
      const { outcome, status } = await cold.runUntil(answer);
      expect(TOOK_EFFECT[action](status)).toBe(outcome.accepted);

      const history = await handle.fetchHistory();
      await expect(
        Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history),
      ).resolves.toBeUndefined();
      if ((await handle.describe()).status.name === 'RUNNING') await handle.terminate('test over');
    });
  });
});
