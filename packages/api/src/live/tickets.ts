import { KITCHEN_STATES, isIn, type OrderSummary } from '@delivery/common';
import { hasLeftRestaurant } from './left-restaurant';

/** Whether the kitchen's ticket list may have to show, update or drop this row. */
export const concernsKitchen = (row: OrderSummary): boolean =>
  isIn(KITCHEN_STATES, row.state) || hasLeftRestaurant(row);
