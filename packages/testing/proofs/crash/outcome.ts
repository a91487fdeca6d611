import type { OrderStatus } from '@delivery/common';
import { statesVisited } from '../../src/orders';

/**
 * What an order's status says happened, without its clock readings: a replay must reproduce
 * every one of these, whichever worker runs it.
 */
export const outcomeOf = (status: OrderStatus) => ({
  state: status.state,
  states: statesVisited(status),
  open: status.open,
  driver: status.driver,
  chargeId: status.chargeId,
  refundId: status.refundId,
  failureReason: status.failureReason,
  ratingRequested: status.ratingRequested,
  rating: status.rating && { stars: status.rating.stars, comment: status.rating.comment },
  notifications: status.notifications.map(({ id, delivered }) => ({ id, delivered })),
});
