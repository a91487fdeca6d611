import {
  SETBACK_STATES,
  WITH_DRIVER,
  isIn,
  type OrderState,
  type OrderSummary,
} from '@delivery/common';

/** Taken by a driver (and maybe delivered since), or ending without the food. */
const PAST_THE_RESTAURANT: readonly OrderState[] = [WITH_DRIVER, 'Delivered', ...SETBACK_STATES];

/**
 * The food no longer waits at the restaurant. Lists of food not yet with a driver drop such a
 * row, whoever carries it: a list catching up after a lost connection gets each order's latest
 * state only, so it may never see the `Picked up` in between.
 */
export const hasLeftRestaurant = (row: OrderSummary): boolean =>
  isIn(PAST_THE_RESTAURANT, row.state);
