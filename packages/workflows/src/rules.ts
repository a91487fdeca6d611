import type { OrderState, OrderStatus } from '@delivery/common';
import { checkedRating, isPrepMinutes, isReason, isStaff } from './input-check';
import { REFUSAL_TYPES, type ActionName, type Refusal, type RefusalType } from './messages';

/*
 * Why an action cannot take effect; `null` means it can. Pure functions of the order's state:
 * a deadline counts once the workflow's timer for it has fired and moved the state on, never by
 * reading the clock, so an action is judged the same way live and in replay.
 */

const refuse = (type: RefusalType, message: string): Refusal => ({ type, message });
const wrongState = (message: string) => refuse(REFUSAL_TYPES.wrongState, message);
const invalid = (message: string) => refuse(REFUSAL_TYPES.invalidArgument, message);

const staffRefusal = (staff: unknown, who: string): Refusal | null =>
  isStaff(staff) ? null : invalid(`${who} needs an id and a name.`);

/** The refusal of any state an action has no special words for. */
const isNow = (state: OrderState): Refusal => wrongState(`The order is ${state.toLowerCase()}.`);

/** Before the restaurant's answer, or after it said no. */
function notAcceptedYet(state: OrderState): Refusal | null {
  switch (state) {
    case 'Authorizing card':
    case 'Charging card':
      return wrongState('The payment is still going through; try again in a moment.');
    case 'Waiting for restaurant':
      return wrongState('The restaurant has not accepted this order yet.');
    case 'Preparing':
      return wrongState('The kitchen is still preparing this order.');
    default:
      return null;
  }
}

export function refusalToAccept(
  status: OrderStatus,
  staff: unknown,
  prepMinutes: unknown,
): Refusal | null {
  const who = staffRefusal(staff, 'The restaurant');
  if (who) return who;
  if (!isPrepMinutes(prepMinutes))
    return invalid('The preparation time is a whole number of minutes, at most a day.');
  switch (status.state) {
    case 'Waiting for restaurant':
      return null;
    case 'Authorizing card':
      return wrongState('The payment is still going through; try again in a moment.');
    case 'Preparing':
    case 'Ready for pickup':
    case 'Picked up':
    case 'Delivered':
      return wrongState('This order was already accepted.');
    default:
      return kitchenTooLate(status);
  }
}

export function refusalToReject(
  status: OrderStatus,
  staff: unknown,
  reason: unknown,
): Refusal | null {
  const who = staffRefusal(staff, 'The restaurant');
  if (who) return who;
  if (!isReason(reason)) return invalid('Tell the customer why, in at most 500 characters.');
  switch (status.state) {
    case 'Waiting for restaurant':
    case 'Preparing':
      return null;
    case 'Authorizing card':
      return wrongState('The payment is still going through; try again in a moment.');
    case 'Ready for pickup':
      return wrongState('The food is ready: hand it to a driver.');
    case 'Picked up':
    case 'Delivered':
      return wrongState('A driver already has this order.');
    default:
      return kitchenTooLate(status);
  }
}

export function refusalToMarkReady(status: OrderStatus, staff: unknown): Refusal | null {
  const who = staffRefusal(staff, 'The restaurant');
  if (who) return who;
  switch (status.state) {
    case 'Preparing':
      return null;
    case 'Authorizing card':
    case 'Waiting for restaurant':
      return wrongState('Accept the order first.');
    case 'Ready for pickup':
      return wrongState('This order is already marked ready.');
    case 'Picked up':
    case 'Delivered':
      return wrongState('A driver already has this order.');
    default:
      return kitchenTooLate(status);
  }
}

/** The kitchen acts on an order that has left it: why, in the restaurant's words. */
function kitchenTooLate(status: OrderStatus): Refusal {
  if (status.restaurant?.answer === 'rejected') return wrongState('This order was rejected.');
  if (status.state === 'Releasing hold' || status.state === 'Cancelled')
    return wrongState(
      status.failureReason
        ? `This order was closed: ${status.failureReason}`
        : 'This order was cancelled.',
    );
  return isNow(status.state);
}

export function refusalToPickUp(status: OrderStatus, driver: unknown): Refusal | null {
  if (!isStaff(driver)) return staffRefusal(driver, 'A driver');
  switch (status.state) {
    case 'Ready for pickup':
    case 'Paid':
      return null;
    case 'Picked up':
    case 'Delivered':
      return status.driver?.id === driver.id
        ? wrongState('You already picked this order up.')
        : refuse(
            REFUSAL_TYPES.wrongDriver,
            `Picked up by another driver (${status.driver?.name ?? 'unknown'}).`,
          );
    default:
      return notAcceptedYet(status.state) ?? isNow(status.state);
  }
}

export function refusalToDeliver(status: OrderStatus, driver: unknown): Refusal | null {
  if (!isStaff(driver)) return staffRefusal(driver, 'A driver');
  switch (status.state) {
    case 'Picked up':
      return status.driver?.id === driver.id
        ? null
        : refuse(
            REFUSAL_TYPES.wrongDriver,
            `Only ${status.driver?.name ?? 'the driver who picked it up'} can deliver this order.`,
          );
    case 'Authorizing card':
    case 'Waiting for restaurant':
    case 'Preparing':
    case 'Ready for pickup':
    case 'Charging card':
    case 'Paid':
      return wrongState('The order has not been picked up yet.');
    case 'Delivered':
      return wrongState('The order was already delivered.');
    default:
      return isNow(status.state);
  }
}

export function refusalToCancel(status: OrderStatus): Refusal | null {
  switch (status.state) {
    case 'Waiting for restaurant':
    case 'Paid':
      return null;
    case 'Authorizing card':
    case 'Charging card':
      return wrongState('The payment is still going through; try again in a moment.');
    case 'Preparing':
      return wrongState('Too late to cancel: the kitchen is cooking it.');
    case 'Ready for pickup':
      return wrongState('Too late to cancel: the food is ready for pickup.');
    case 'Picked up':
    case 'Delivered':
      return wrongState('Too late to cancel: a driver has the order.');
    default:
      return wrongState(`The order is already ${status.state.toLowerCase()}.`);
  }
}

/** `ratingOpen` is false once the rating window's timer has fired. */
export function refusalToRate(
  status: OrderStatus,
  rating: unknown,
  ratingOpen: boolean,
): Refusal | null {
  const checked = checkedRating(rating);
  if (typeof checked === 'string') return invalid(checked);
  if (status.state !== 'Delivered') return wrongState('Only a delivered order can be rated.');
  if (status.rating) return wrongState('This order is already rated.');
  if (!ratingOpen) return wrongState('The time to rate this order has passed.');
  return null;
}

/** Why an action cannot apply to an order whose workflow has ended, from its final status. */
export function refusalAfterEnd(status: OrderStatus, action: ActionName): Refusal {
  if (action !== 'rate') return wrongState(`This order has already ended (${status.state}).`);
  if (status.rating) return wrongState('This order is already rated.');
  if (status.state === 'Delivered') return wrongState('The time to rate this order has passed.');
  return wrongState('Only a delivered order can be rated.');
}
