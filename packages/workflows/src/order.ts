import {
  ApplicationFailure,
  CancellationScope,
  condition,
  isCancellation,
  log,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  DEFAULT_WINDOWS,
  formatCents,
  orderInputSchema,
  type DeadlineKind,
  type Driver,
  type OrderInput,
  type OrderState,
  type OrderStatus,
  type Rating,
} from '@delivery/common';
import { DriverIdKey, OrderStateKey, OrderUpdatedAtKey } from '@delivery/common/search-attributes';
import { chargeCustomer, refundOrder, sendPushNotification } from './activities';
import { isCardDeclined } from './failures';
import {
  cancelSignal,
  cancelUpdate,
  deliverUpdate,
  deliveredSignal,
  getStatusQuery,
  pickUpUpdate,
  pickedUpSignal,
  rateSignal,
  rateUpdate,
} from './messages';
import {
  normaliseRating,
  refusalAtDeadline,
  refusalToCancel,
  refusalToDeliver,
  refusalToPickUp,
  refusalToRate,
  type Refusal,
} from './rules';

/** Operators may signal `pickedUp`/`delivered` from the CLI without naming a driver. */
const OPERATOR: Driver = { id: 'operator', name: 'Operator' };

/** States in which the customer has paid (or may have) and has no food yet. */
const REFUNDABLE_STATES: readonly OrderState[] = [
  'Charging card',
  'Paid',
  'Picked up',
  'Refunding',
];

const iso = (ms: number): string => new Date(ms).toISOString();

function throwIfRefused(refusal: Refusal | null): void {
  if (refusal)
    throw ApplicationFailure.create({
      type: refusal.type,
      message: refusal.message,
      nonRetryable: true,
    });
}

/** One order, from charging the card to the customer's rating. Its local state is the record. */
export async function order(rawInput: OrderInput): Promise<OrderStatus> {
  const parsedInput = orderInputSchema.safeParse(rawInput);
  if (!parsedInput.success) {
    throw ApplicationFailure.nonRetryable(
      `Invalid order input: ${parsedInput.error.issues[0]?.message ?? 'unreadable'}`,
      'InvalidOrderInput',
    );
  }
  const input = parsedInput.data;
  const windows = { ...DEFAULT_WINDOWS, ...input.windows };
  const { workflowId } = workflowInfo();
  const startedAt = Date.now();

  const status: OrderStatus = {
    orderId: input.orderId,
    customerId: input.customerId,
    state: 'Charging card',
    lines: input.lines,
    totalCents: input.totalCents,
    paymentMethod: input.paymentMethod,
    createdAt: iso(startedAt),
    updatedAt: iso(startedAt),
    timeline: [{ state: 'Charging card', at: iso(startedAt) }],
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
  let cancelRequested = false;
  let ratingClosesAt: number | null = null;
  let ratingRequestAt: number | null = null;
  /** History length of the workflow task that sent the rating request (one value per task). */
  let ratingRequestTask: number | null = null;
  const notificationsInFlight: Promise<void>[] = [];

  /** Every change is stamped, so live views find it with one Visibility call. */
  function touch(): void {
    const now = Date.now();
    status.updatedAt = iso(now);
    upsertSearchAttributes([
      { key: OrderStateKey, value: status.state },
      { key: OrderUpdatedAtKey, value: new Date(now) },
      ...(status.driver ? [{ key: DriverIdKey, value: status.driver.id }] : []),
    ]);
  }

  function moveTo(state: OrderState, deadline?: { kind: DeadlineKind; inMs: number }): void {
    status.state = state;
    status.timeline.push({ state, at: iso(Date.now()) });
    status.deadline = deadline
      ? { kind: deadline.kind, at: iso(Date.now() + deadline.inMs) }
      : null;
    touch();
  }

  /** Notifications run beside the order: a slow push service never holds up a state change. */
  function notify(event: string, message: string): void {
    const id = `${workflowId}:${event}`;
    const sentAt = iso(Date.now());
    const record = (delivered: boolean) => {
      status.notifications.push({ id, event, message, at: sentAt, delivered });
      touch();
    };
    notificationsInFlight.push(
      sendPushNotification({
        idempotencyKey: id,
        customerId: input.customerId,
        orderId: input.orderId,
        event,
        message,
      }).then(
        () => record(true),
        (error: unknown) => {
          log.warn('Notification gave up', { event, error: String(error) });
          record(false);
        },
      ),
    );
  }

  async function refund(reason: string): Promise<void> {
    if (status.state !== 'Refunding') moveTo('Refunding');
    const { refundIds } = await refundOrder({
      orderId: input.orderId,
      idempotencyKey: `${workflowId}:refund`,
      reason,
    });
    status.refundId = refundIds[0] ?? null;
  }

  function pickUp(driver: Driver): void {
    status.driver = { id: driver.id, name: driver.name };
    moveTo('Picked up', { kind: 'delivery', inMs: windows.deliveryWindowMs });
    notify('picked-up', `${driver.name} picked up your order and is on the way.`);
  }

  function deliver(): void {
    const now = Date.now();
    ratingClosesAt = now + windows.ratingWindowMs;
    ratingRequestAt = now + windows.ratingDelayMs;
    moveTo('Delivered', { kind: 'rating', inMs: windows.ratingWindowMs });
    notify('delivered', 'Your order was delivered. Enjoy your meal!');
  }

  function cancel(): void {
    cancelRequested = true;
    moveTo('Refunding');
  }

  function rate(rating: Rating): void {
    status.rating = { ...normaliseRating(rating), at: iso(Date.now()) };
    touch();
  }

  const ratingRefusal = (rating: unknown) =>
    refusalToRate(status, rating, Date.now(), ratingClosesAt, {
      dueAt: ratingRequestAt,
      sentThisTask: ratingRequestTask === workflowInfo().historyLength,
    });

  setHandler(getStatusQuery, () => status);
  setHandler(pickUpUpdate, (driver) => (pickUp(driver), status), {
    validator: (driver) =>
      throwIfRefused(refusalToPickUp(status, driver) ?? refusalAtDeadline(status, Date.now())),
  });
  setHandler(deliverUpdate, () => (deliver(), status), {
    validator: (driver) =>
      throwIfRefused(refusalToDeliver(status, driver) ?? refusalAtDeadline(status, Date.now())),
  });
  setHandler(cancelUpdate, () => (cancel(), status), {
    validator: () =>
      throwIfRefused(refusalToCancel(status) ?? refusalAtDeadline(status, Date.now())),
  });
  setHandler(rateUpdate, (rating) => (rate(rating), status), {
    validator: (rating) => throwIfRefused(ratingRefusal(rating)),
  });
  /** Signals cannot answer, so one that cannot take effect is logged and dropped. */
  const applySignal = (name: string, refusal: Refusal | null, apply: () => void) => {
    if (refusal) log.warn(`Ignored signal ${name}`, { reason: refusal.message });
    else apply();
  };
  setHandler(pickedUpSignal, (driver = OPERATOR) =>
    applySignal('pickedUp', refusalToPickUp(status, driver), () => pickUp(driver)),
  );
  setHandler(deliveredSignal, (driver = status.driver ?? OPERATOR) =>
    applySignal('delivered', refusalToDeliver(status, driver), deliver),
  );
  setHandler(cancelSignal, () => applySignal('cancel', refusalToCancel(status), cancel));
  setHandler(rateSignal, (rating) =>
    applySignal('rate', ratingRefusal(rating), () => rate(rating)),
  );

  async function finish(): Promise<OrderStatus> {
    await Promise.all(notificationsInFlight);
    status.deadline = null;
    status.open = false;
    touch();
    return status;
  }

  async function endWithRefund(state: 'Refunded' | 'Cancelled', reason: string, message: string) {
    await refund(reason);
    moveTo(state);
    notify(state.toLowerCase(), message);
    return finish();
  }

  /** The order's life, from the charge to the rating. */
  async function fulfil(): Promise<OrderStatus> {
    touch();
    try {
      const { chargeId } = await chargeCustomer({
        idempotencyKey: `${workflowId}:charge`,
        orderId: input.orderId,
        customerId: input.customerId,
        amountCents: input.totalCents,
        paymentMethod: input.paymentMethod,
      });
      status.chargeId = chargeId;
    } catch (error) {
      if (isCardDeclined(error)) {
        status.failureReason = error.cause.message;
        moveTo('Failed');
        notify('payment-failed', `Your payment did not go through: ${error.cause.message}`);
        return finish();
      }
      // The provider never answered in time; a charge may still have landed, so void it.
      status.failureReason = 'The payment provider did not answer in time.';
      await refund('charge-unconfirmed');
      moveTo('Failed');
      notify('payment-failed', 'We could not take your payment. You have not been charged.');
      return finish();
    }

    moveTo('Paid', { kind: 'pickup', inMs: windows.pickupWindowMs });
    notify(
      'paid',
      `Order confirmed: ${formatCents(input.totalCents)} charged. Waiting for a driver.`,
    );

    const pickedUpInTime = await condition(() => status.state !== 'Paid', windows.pickupWindowMs);
    if (cancelRequested) {
      return endWithRefund(
        'Cancelled',
        'cancelled-by-customer',
        'Your order was cancelled and refunded.',
      );
    }
    if (!pickedUpInTime) {
      status.failureReason = 'No driver picked the order up in time.';
      return endWithRefund(
        'Refunded',
        'pickup-timeout',
        'No driver could take your order in time; it was refunded.',
      );
    }

    const deliveredInTime = await condition(
      () => status.state === 'Delivered',
      Date.parse(status.deadline!.at) - Date.now(),
    );
    if (!deliveredInTime) {
      status.failureReason = 'The order was not delivered in time.';
      return endWithRefund(
        'Refunded',
        'delivery-timeout',
        'Your order was not delivered in time; it was refunded.',
      );
    }

    if (!(await condition(() => status.rating !== null, windows.ratingDelayMs))) {
      status.ratingRequested = true;
      ratingRequestTask = workflowInfo().historyLength;
      notify('rating-requested', 'How was your meal? Rate it from 1 to 5 stars.');
      touch();
      await condition(() => status.rating !== null, Math.max(0, ratingClosesAt! - Date.now()));
    }
    return finish();
  }

  try {
    return await fulfil();
  } catch (error) {
    if (!isCancellation(error)) throw error;
    // An operator cancelled the workflow: money taken for an undelivered order goes back first.
    await CancellationScope.nonCancellable(async () => {
      if (REFUNDABLE_STATES.includes(status.state)) {
        await endWithRefund(
          'Cancelled',
          'cancelled-by-operator',
          'Your order was cancelled and refunded.',
        );
      } else {
        await finish();
      }
    });
    throw error;
  }
}
