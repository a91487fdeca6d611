import type { OrderStatus } from '@delivery/common';
import type { OrderEvent } from '@delivery/events';
import { OrderNotFoundError } from '../temporal/errors';
import type { ChangeFeed, CurrentStatus } from './change-feed';
import { ChangeQueue } from './change-queue';

/**
 * Whether `event` is newer than what the page shows: by version, or, against a status read with
 * getStatus (no version), by its stamp. Changes made in one workflow task share a stamp, and a
 * query sees all of them or none.
 */
const isNewer = (event: OrderEvent, shown: CurrentStatus): boolean =>
  shown.version > 0
    ? event.version > shown.version
    : event.status.updatedAt > shown.status.updatedAt;

/**
 * The order's status now, then each newer version the feed brings, until the order ends or
 * `signal` aborts. Listening starts before the first status is read, so no change falls in
 * between; a page that reconnects starts again with the status now.
 */
export async function* watchOrder(
  feed: ChangeFeed,
  request: { orderId: string; customerId: string; signal?: AbortSignal },
): AsyncGenerator<OrderStatus> {
  const { orderId, customerId, signal } = request;
  const changes = new ChangeQueue(feed, (event) => (event.orderId === orderId ? event : null));
  try {
    await feed.listening();
    let shown = await feed.current(orderId);
    if (shown.status.customerId !== customerId) throw new OrderNotFoundError(orderId);
    yield shown.status;
    while (shown.status.open) {
      const event = await changes.next(signal);
      if (!event) return;
      if (isNewer(event, shown)) {
        shown = event;
        yield event.status;
      }
    }
  } finally {
    changes.close();
  }
}
