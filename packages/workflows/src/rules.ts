import {
  driverSchema,
  ratingSchema,
  type DeadlineKind,
  type Driver,
  type OrderStatus,
  type Rating,
} from '@delivery/common';
import { REFUSAL_TYPES, type RefusalType } from './messages';

/** Why an action cannot take effect; `null` means it can. Pure, so validators and signals share it. */
export interface Refusal {
  type: RefusalType;
  message: string;
}

const refuse = (type: RefusalType, message: string): Refusal => ({ type, message });

const driverRefusal = (driver: unknown): Refusal | null =>
  driverSchema.safeParse(driver).success
    ? null
    : refuse(REFUSAL_TYPES.invalidArgument, 'A driver needs an id and a name.');

export function refusalToPickUp(status: OrderStatus, driver: unknown): Refusal | null {
  const invalid = driverRefusal(driver);
  if (invalid) return invalid;
  switch (status.state) {
    case 'Paid':
      return null;
    case 'Charging card':
      return refuse(REFUSAL_TYPES.wrongState, 'The order is not paid yet.');
    case 'Picked up':
    case 'Delivered':
      return status.driver?.id === (driver as Driver).id
        ? refuse(REFUSAL_TYPES.wrongState, 'You already picked this order up.')
        : refuse(
            REFUSAL_TYPES.wrongDriver,
            `Picked up by another driver (${status.driver?.name ?? 'unknown'}).`,
          );
    default:
      return refuse(REFUSAL_TYPES.wrongState, `The order is ${status.state.toLowerCase()}.`);
  }
}

export function refusalToDeliver(status: OrderStatus, driver: unknown): Refusal | null {
  const invalid = driverRefusal(driver);
  if (invalid) return invalid;
  switch (status.state) {
    case 'Picked up':
      return status.driver?.id === (driver as Driver).id
        ? null
        : refuse(
            REFUSAL_TYPES.wrongDriver,
            `Only ${status.driver?.name ?? 'the driver who picked it up'} can deliver this order.`,
          );
    case 'Charging card':
    case 'Paid':
      return refuse(REFUSAL_TYPES.wrongState, 'The order has not been picked up yet.');
    case 'Delivered':
      return refuse(REFUSAL_TYPES.wrongState, 'The order was already delivered.');
    default:
      return refuse(REFUSAL_TYPES.wrongState, `The order is ${status.state.toLowerCase()}.`);
  }
}

const DEADLINE_PASSED: Record<DeadlineKind, string> = {
  pickup: 'No driver picked the order up in time; it is being refunded.',
  delivery: 'The order was not delivered in time; it is being refunded.',
  rating: 'The time to rate this order has passed.',
};

/**
 * An action that arrives once the order's deadline has passed is refused, even when the
 * deadline's timer has not run yet. A refused Update leaves no trace in history, so an action
 * and a timer that land in the same workflow task can never be replayed in another order.
 */
export function refusalAtDeadline(status: OrderStatus, now: number): Refusal | null {
  if (!status.deadline || now < Date.parse(status.deadline.at)) return null;
  return refuse(REFUSAL_TYPES.wrongState, DEADLINE_PASSED[status.deadline.kind]);
}

export function refusalToCancel(status: OrderStatus): Refusal | null {
  switch (status.state) {
    case 'Paid':
      return null;
    case 'Charging card':
      return refuse(
        REFUSAL_TYPES.wrongState,
        'The payment is still going through; try again in a moment.',
      );
    case 'Picked up':
    case 'Delivered':
      return refuse(REFUSAL_TYPES.wrongState, 'Too late to cancel: a driver has the order.');
    default:
      return refuse(
        REFUSAL_TYPES.wrongState,
        `The order is already ${status.state.toLowerCase()}.`,
      );
  }
}

export function refusalToRate(
  status: OrderStatus,
  rating: unknown,
  now: number,
  ratingClosesAt: number | null,
  request: { dueAt: number | null; sentThisTask: boolean } = { dueAt: null, sentThisTask: false },
): Refusal | null {
  const parsed = ratingSchema.safeParse(rating);
  if (!parsed.success) {
    return refuse(
      REFUSAL_TYPES.invalidArgument,
      parsed.error.issues[0]?.message ?? 'A rating is 1 to 5 stars.',
    );
  }
  if (status.state !== 'Delivered') {
    return refuse(REFUSAL_TYPES.wrongState, 'Only a delivered order can be rated.');
  }
  if (status.rating) return refuse(REFUSAL_TYPES.wrongState, 'This order is already rated.');
  if (ratingClosesAt === null || now >= ratingClosesAt) {
    return refuse(REFUSAL_TYPES.wrongState, 'The time to rate this order has passed.');
  }
  // A rating must not share a workflow task with the request for one (due, or sent in it): the
  // two would replay in whichever order the task's jobs come, not the order they ran in.
  const requestDue = !status.ratingRequested && request.dueAt !== null && now >= request.dueAt;
  if (requestDue || request.sentThisTask) {
    return refuse(
      REFUSAL_TYPES.retryLater,
      'Your rating crossed our request for one; send it again.',
    );
  }
  return null;
}

export function normaliseRating(rating: Rating): Rating {
  const { stars, comment } = ratingSchema.parse(rating);
  return comment ? { stars, comment } : { stars };
}
