import type { OrderStatus } from '@delivery/common';
import { checkedRating, isDriver } from './input-check';
import { REFUSAL_TYPES, type ActionName, type Refusal, type RefusalType } from './messages';

/*
 * Why an action cannot take effect; `null` means it can. Pure functions of the order's state:
 * a deadline counts once the workflow's timer for it has fired and moved the state on, never by
 * reading the clock, so an action is judged the same way live and in replay.
 */

const refuse = (type: RefusalType, message: string): Refusal => ({ type, message });

const driverRefusal = (driver: unknown): Refusal | null =>
  isDriver(driver)
    ? null
    : refuse(REFUSAL_TYPES.invalidArgument, 'A driver needs an id and a name.');

export function refusalToPickUp(status: OrderStatus, driver: unknown): Refusal | null {
  if (!isDriver(driver)) return driverRefusal(driver);
  switch (status.state) {
    case 'Paid':
      return null;
    case 'Charging card':
      return refuse(REFUSAL_TYPES.wrongState, 'The order is not paid yet.');
    case 'Picked up':
    case 'Delivered':
      return status.driver?.id === driver.id
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
  if (!isDriver(driver)) return driverRefusal(driver);
  switch (status.state) {
    case 'Picked up':
      return status.driver?.id === driver.id
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

/** `ratingOpen` is false once the rating window's timer has fired. */
export function refusalToRate(
  status: OrderStatus,
  rating: unknown,
  ratingOpen: boolean,
): Refusal | null {
  const checked = checkedRating(rating);
  if (typeof checked === 'string') return refuse(REFUSAL_TYPES.invalidArgument, checked);
  if (status.state !== 'Delivered') {
    return refuse(REFUSAL_TYPES.wrongState, 'Only a delivered order can be rated.');
  }
  if (status.rating) return refuse(REFUSAL_TYPES.wrongState, 'This order is already rated.');
  if (!ratingOpen)
    return refuse(REFUSAL_TYPES.wrongState, 'The time to rate this order has passed.');
  return null;
}

/** Why an action cannot apply to an order whose workflow has ended, from its final status. */
export function refusalAfterEnd(status: OrderStatus, action: ActionName): Refusal {
  if (action !== 'rate')
    return refuse(REFUSAL_TYPES.wrongState, `This order has already ended (${status.state}).`);
  if (status.rating) return refuse(REFUSAL_TYPES.wrongState, 'This order is already rated.');
  if (status.state === 'Delivered')
    return refuse(REFUSAL_TYPES.wrongState, 'The time to rate this order has passed.');
  return refuse(REFUSAL_TYPES.wrongState, 'Only a delivered order can be rated.');
}
