import { ApplicationFailure, log, setHandler, upsertMemo } from '@temporalio/workflow';
import type { Driver, Staff } from '@delivery/common';
import { formatCents } from '@delivery/common/money';
import { ENDINGS } from './endings';
import { checkedRating, isRequestId } from './input-check';
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
  requestOutcomeQuery,
  requestSignal,
  REFUSAL_TYPES,
  type ActionName,
  type Refusal,
} from './messages';
import { iso, type OrderRun } from './order-run';
import {
  refusalToAccept,
  refusalToCancel,
  refusalToDeliver,
  refusalToMarkReady,
  refusalToPickUp,
  refusalToRate,
  refusalToReject,
} from './rules';

/** Operators may signal `pickedUp`/`delivered` from the CLI without naming a driver. */
const OPERATOR: Driver = { id: 'operator', name: 'Operator' };

/*
 * What each action does once accepted. Handlers decide from the order's state alone; the clock
 * only stamps the moment.
 */

/** The kitchen takes the order and promises when the food will be ready. */
function accept(run: OrderRun, staff: Staff, prepMinutes: number): void {
  const now = Date.now();
  const readyAt = now + prepMinutes * 60_000;
  run.readyDueAt = readyAt + run.windows.preparationGraceMs;
  run.status.restaurant = {
    answer: 'accepted',
    by: { id: staff.id, name: staff.name },
    at: iso(now),
    prepMinutes,
    readyAt: iso(readyAt),
  };
  // Lists show the ready time without asking the order (one Visibility call).
  upsertMemo({ readyAt: iso(readyAt) });
  run.moveTo('Preparing', { kind: 'ready', inMs: run.readyDueAt - now });
  run.notify(
    'accepted',
    prepMinutes === 0
      ? 'The restaurant accepted your order; it is ready now.'
      : `The restaurant accepted your order; it will be ready in about ${prepMinutes} min.`,
  );
}

/** The kitchen cannot make it: the story releases the hold once it sees the order releasing. */
function reject(run: OrderRun, staff: Staff, reason: string): void {
  run.status.restaurant = {
    answer: 'rejected',
    by: { id: staff.id, name: staff.name },
    at: iso(Date.now()),
    reason,
  };
  run.beginRelease(ENDINGS.rejected(reason));
}

function markReady(run: OrderRun): void {
  run.moveTo('Ready for pickup', { kind: 'pickup', inMs: run.windows.pickupWindowMs });
  run.notify('ready', 'Your food is ready; a driver will pick it up shortly.');
}

function pickUp(run: OrderRun, driver: Driver): void {
  run.status.driver = { id: driver.id, name: driver.name };
  run.deliveryDueAt = Date.now() + run.windows.deliveryWindowMs;
  run.moveTo('Picked up', { kind: 'delivery', inMs: run.windows.deliveryWindowMs });
  run.notify('picked-up', `${driver.name} picked up your order and is on the way.`);
}

function deliver(run: OrderRun): void {
  run.moveTo('Delivered', { kind: 'rating', inMs: run.windows.ratingWindowMs });
  const charged =
    run.status.money === 'captured'
      ? ` ${formatCents(run.input.totalCents)} was taken from your card at pickup.`
      : '';
  run.notify('delivered', `Your order was delivered.${charged} Enjoy your meal!`);
}

/**
 * The customer's cancel: the story releases the hold once it sees the order releasing; an order
 * charged up front is refunded once the story sees it `Refunding`.
 */
function cancel(run: OrderRun): void {
  if (run.state === 'Paid') run.moveTo('Refunding');
  else run.beginRelease(ENDINGS.cancelledByCustomer);
}

function rate(run: OrderRun, rating: unknown): void {
  const checked = checkedRating(rating);
  if (typeof checked === 'string') return;
  run.status.rating = { ...checked, at: iso(Date.now()) };
  run.touch();
}

type Request = Record<string, unknown>;

const ACTIONS: Record<
  ActionName,
  {
    refusal(run: OrderRun, request: Request): Refusal | null;
    apply(run: OrderRun, request: Request): void;
  }
> = {
  accept: {
    refusal: (run, request) => refusalToAccept(run.status, request.staff, request.prepMinutes),
    apply: (run, request) => accept(run, request.staff as Staff, request.prepMinutes as number),
  },
  reject: {
    refusal: (run, request) => refusalToReject(run.status, request.staff, request.reason),
    apply: (run, request) => reject(run, request.staff as Staff, (request.reason as string).trim()),
  },
  markReady: {
    refusal: (run, request) => refusalToMarkReady(run.status, request.staff),
    apply: (run) => markReady(run),
  },
  pickUp: {
    refusal: (run, request) => refusalToPickUp(run.status, request.driver),
    apply: (run, request) => pickUp(run, request.driver as Driver),
  },
  deliver: {
    refusal: (run, request) => refusalToDeliver(run.status, request.driver),
    apply: (run) => deliver(run),
  },
  cancel: {
    refusal: (run) => refusalToCancel(run.status),
    apply: (run) => cancel(run),
  },
  rate: {
    refusal: (run, request) => refusalToRate(run.status, request.rating, run.ratingOpen),
    apply: (run, request) => rate(run, request.rating),
  },
};

const isRequest = (value: unknown): value is Request & { requestId: string; action: ActionName } =>
  typeof value === 'object' &&
  value !== null &&
  isRequestId((value as Request).requestId) &&
  Object.hasOwn(ACTIONS, String((value as Request).action));

/** Applies a request once: a retry with the same id finds the first outcome and changes nothing. */
function answer(run: OrderRun, request: unknown): void {
  if (!isRequest(request)) {
    log.warn('Ignored a request without an id or a known action');
    return;
  }
  if (run.hasAnswered(request.requestId)) return;
  const action = ACTIONS[request.action];
  const refusal = action.refusal(run, request);
  run.recordOutcome(request.requestId, refusal ? { accepted: false, refusal } : { accepted: true });
  if (!refusal) action.apply(run, request);
}

function throwIfRefused(refusal: Refusal | null): void {
  if (refusal)
    throw ApplicationFailure.create({
      type: refusal.type,
      message: refusal.message,
      nonRetryable: true,
    });
}

/** Signals from operators cannot answer, so one that cannot take effect is logged and dropped. */
function applySignal(name: string, refusal: Refusal | null, apply: () => void): void {
  if (refusal) log.warn(`Ignored signal ${name}`, { reason: refusal.message });
  else apply();
}

/** Registers how the order answers: requests from the sites, operators' signals, and queries. */
export function answerRequests(run: OrderRun): void {
  setHandler(getStatusQuery, () => run.status);
  setHandler(requestOutcomeQuery, (requestId) => run.answerTo(requestId));
  setHandler(requestSignal, (request) => answer(run, request));

  setHandler(pickedUpSignal, (driver = OPERATOR) =>
    applySignal('pickedUp', refusalToPickUp(run.status, driver), () => pickUp(run, driver)),
  );
  setHandler(deliveredSignal, (driver = run.status.driver ?? OPERATOR) =>
    applySignal('delivered', refusalToDeliver(run.status, driver), () => deliver(run)),
  );
  setHandler(cancelSignal, () =>
    applySignal('cancel', refusalToCancel(run.status), () => cancel(run)),
  );
  setHandler(rateSignal, (rating) =>
    applySignal('rate', refusalToRate(run.status, rating, run.ratingOpen), () => rate(run, rating)),
  );

  // Updates applied before actions became requests replay through these handlers; a new one is
  // refused, so none can meet a cold worker again (docs/actions.md).
  const refuseNewUpdate = (..._args: unknown[]): void =>
    throwIfRefused({
      type: REFUSAL_TYPES.invalidArgument,
      message: 'Actions are sent as requests now (the `request` signal); Updates are refused.',
    });
  setHandler(pickUpUpdate, (driver) => (pickUp(run, driver), run.status), {
    validator: refuseNewUpdate,
  });
  setHandler(deliverUpdate, () => (deliver(run), run.status), { validator: refuseNewUpdate });
  setHandler(cancelUpdate, () => (cancel(run), run.status), { validator: refuseNewUpdate });
  setHandler(rateUpdate, (rating) => (rate(run, rating), run.status), {
    validator: refuseNewUpdate,
  });
}
