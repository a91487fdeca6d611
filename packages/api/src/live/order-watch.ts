import type { OrderStatus } from '@delivery/common';
import { OrderNotFoundError } from '../temporal/errors';
import type { ChangeFeed } from './change-feed';
import { ChangeQueue } from './change-queue';

/**
 * The order's status now, then after each change the feed sees, until the order ends or `signal`
 * aborts. Listening starts before the first status is read, so no change falls in between.
 */
export async function* watchOrder(
  feed: ChangeFeed,
  request: { orderId: string; customerId: string; signal?: AbortSignal },
): AsyncGenerator<OrderStatus> {
  const { orderId, customerId, signal } = request;
  const changes = new ChangeQueue(feed, (row) => row.orderId === orderId);
  try {
    let status = await feed.status(orderId);
    if (status.customerId !== customerId) throw new OrderNotFoundError(orderId);
    yield status;
    while (status.open) {
      const change = await changes.next(signal);
      if (!change) return;
      if (change.updatedAt > status.updatedAt) {
        status = await feed.status(orderId, change.updatedAt);
        yield status;
      }
    }
  } finally {
    changes.close();
  }
}
