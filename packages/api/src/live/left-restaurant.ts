import { SETBACK_STATES, WITH_DRIVER, isIn, type OrderSummary } from '@delivery/common';

/**
 * The food no longer waits at the restaurant: a driver took it, or the order is ending without
 * it. Lists of food not yet with a driver drop such a row; only its driver's trip goes on.
 */
export const hasLeftRestaurant = (row: OrderSummary): boolean =>
  row.state === WITH_DRIVER || (row.driverId === null && isIn(SETBACK_STATES, row.state));
