import type { OrderStatus } from '@delivery/common';
import { rateUpdate } from '@delivery/workflows/messages';

/**
 * Why an action cannot apply to an order whose workflow has ended (it takes no more Updates, so
 * its validators cannot answer): said from the order's final status.
 */
export function refusalOfEndedOrder(status: OrderStatus, updateName: string): string {
  if (updateName !== rateUpdate.name) return `This order has already ended (${status.state}).`;
  if (status.rating) return 'This order is already rated.';
  if (status.state === 'Delivered') return 'The time to rate this order has passed.';
  return 'Only a delivered order can be rated.';
}
