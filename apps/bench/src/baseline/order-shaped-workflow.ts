import {
  condition,
  proxyActivities,
  setHandler,
  upsertMemo,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import {
  DEFAULT_WINDOWS,
  type OrderInput,
  type OrderState,
  type OrderStatus,
} from '@delivery/common';
import {
  DriverIdKey,
  OrderStateKey,
  OrderUpdatedAtKey,
  REFUSAL_TYPES,
  getStatusQuery,
  requestOutcomeQuery,
  requestSignal,
  type ActionName,
  type OrderResult,
  type Outcome,
} from '@delivery/workflows/contract';
import type { NoOpActivities } from './no-op-activities';

/*
 * The throughput ceiling: the order's happy path with the work taken out. It takes the same
 * input and start options, answers the same `request` signal and `getStatus`/`requestOutcome`
 * queries (so the harness's own client helpers drive it as they drive an order), and makes the
 * same commands up to delivery: 2 payment activities, a notification per state change (5), a
 * deadline timer at each of the 5 waits, 7 search-attribute upserts each with an order event
 * published beside it (the whole status, as the order's `publishOrderEvent` takes it) and a memo
 * upsert at accept.
 * Only the happy path: a deadline that passes just moves on, as nothing here can go wrong.
 */

const { authorizePayment, capturePayment, sendPushNotification, publishOrderEvent } =
  proxyActivities<NoOpActivities>({ startToCloseTimeout: '10 seconds' });

/** The actions an order takes on its happy path, each allowed in one state only. */
const MOVES: Partial<Record<ActionName, { from: OrderState; to: OrderState }>> = {
  accept: { from: 'Waiting for restaurant', to: 'Preparing' },
  markReady: { from: 'Preparing', to: 'Ready for pickup' },
  pickUp: { from: 'Ready for pickup', to: 'Picked up' },
  deliver: { from: 'Picked up', to: 'Delivered' },
};

const iso = (ms: number): string => new Date(ms).toISOString();

function initialStatus(input: OrderInput): OrderStatus {
  const state: OrderState = 'Authorizing card';
  const at = iso(Date.now());
  return {
    orderId: input.orderId,
    customerId: input.customerId,
    state,
    lines: input.lines,
    totalCents: input.totalCents,
    paymentMethod: input.paymentMethod,
    createdAt: at,
    updatedAt: at,
    timeline: [{ state, at }],
    paymentIntentId: null,
    money: 'authorizing',
    restaurant: null,
    deadline: null,
    driver: null,
    chargeId: null,
    refundId: null,
    notifications: [],
    ratingRequested: false,
    rating: null,
    failureReason: null,
    open: true,
  };
}

export async function orderShaped(input: OrderInput): Promise<OrderResult> {
  const windows = { ...DEFAULT_WINDOWS, ...input.windows };
  const status = initialStatus(input);
  const outcomes = new Map<string, Outcome>();
  const notifications: Promise<void>[] = [];
  const events: Promise<void>[] = [];

  const touch = () => {
    const now = Date.now();
    status.updatedAt = iso(now);
    upsertSearchAttributes([
      { key: OrderStateKey, value: status.state },
      { key: OrderUpdatedAtKey, value: new Date(now) },
      ...(status.driver ? [{ key: DriverIdKey, value: status.driver.id }] : []),
    ]);
    const event = { orderId: input.orderId, version: events.length + 1, status: { ...status } };
    events.push(publishOrderEvent(event));
  };
  // As the order does, every state change is stamped and notified, the notification running beside.
  const advance = (state: OrderState) => {
    status.state = state;
    status.timeline.push({ state, at: iso(Date.now()) });
    touch();
    notifications.push(sendPushNotification());
  };

  setHandler(getStatusQuery, () => status);
  setHandler(requestOutcomeQuery, (requestId) => {
    const outcome = outcomes.get(requestId);
    return outcome ? { outcome, status } : null;
  });
  setHandler(requestSignal, (request) => {
    if (outcomes.has(request.requestId)) return;
    const move = MOVES[request.action];
    if (move?.from !== status.state) {
      const message = `${request.action} is not possible while ${status.state}.`;
      outcomes.set(request.requestId, {
        accepted: false,
        refusal: { type: REFUSAL_TYPES.wrongState, message },
      });
      return;
    }
    outcomes.set(request.requestId, { accepted: true });
    if (request.action === 'accept') upsertMemo({ readyAt: iso(Date.now()) });
    if (request.action === 'pickUp') status.driver = request.driver;
    advance(move.to);
  });

  touch();
  await authorizePayment();
  advance('Waiting for restaurant');
  await condition(() => status.state !== 'Waiting for restaurant', windows.restaurantWindowMs);
  await condition(() => status.state !== 'Preparing', windows.preparationGraceMs);
  await condition(() => status.state !== 'Ready for pickup', windows.pickupWindowMs);
  await capturePayment();
  // The order shows the money taken at once.
  touch();
  await condition(() => status.state === 'Delivered', windows.deliveryWindowMs);
  // The order then waits for a rating; in the bench none comes while the run lasts.
  await condition(() => status.rating !== null, windows.ratingDelayMs);
  await Promise.all([...notifications, ...events]);
  status.open = false;
  return { ...status, outcomes: Object.fromEntries(outcomes) };
}
