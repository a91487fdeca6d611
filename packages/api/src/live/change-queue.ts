import { summaryOf, type OrderSummary } from '@delivery/common';
import type { OrderEvent } from '@delivery/events';
import type { ChangeFeed } from './change-feed';

/**
 * What one subscriber takes from the feed's events (`select` returns it, or `null` for an event
 * that is not its concern), until it takes them. A slow reader never makes it grow without bound:
 * only the latest of each order is kept.
 */
export class ChangeQueue<T extends { orderId: string }> {
  private readonly pending = new Map<string, T>();
  private wake: (() => void) | null = null;
  private closed = false;
  private readonly unsubscribe: () => void;

  constructor(feed: ChangeFeed, select: (event: OrderEvent) => T | null) {
    this.unsubscribe = feed.subscribe((event) => {
      const item = select(event);
      if (!item) return;
      this.pending.delete(item.orderId);
      this.pending.set(item.orderId, item);
      this.wake?.();
    });
  }

  /** The next change, or `null` once the queue is closed or `signal` aborts. */
  async next(signal?: AbortSignal): Promise<T | null> {
    for (;;) {
      if (this.closed || signal?.aborted) return null;
      const [oldest] = this.pending.values();
      if (oldest) {
        this.pending.delete(oldest.orderId);
        return oldest;
      }
      await new Promise<void>((resolve) => {
        const done = () => {
          signal?.removeEventListener('abort', done);
          this.wake = null;
          resolve();
        };
        this.wake = done;
        signal?.addEventListener('abort', done, { once: true });
      });
    }
  }

  close(): void {
    this.closed = true;
    this.unsubscribe();
    this.wake?.();
  }
}

/**
 * The list rows `accept` wants, derived from each event's status, as an async iterable that ends
 * when `signal` aborts. It starts with the rows of orders changed lately, so a list read a moment
 * ago, or a stream that reconnected, misses no change.
 */
export async function* changesOf(
  feed: ChangeFeed,
  accept: (row: OrderSummary) => boolean,
  signal?: AbortSignal,
): AsyncGenerator<OrderSummary> {
  const queue = new ChangeQueue(feed, (event) => {
    const row = summaryOf(event.status);
    return accept(row) ? row : null;
  });
  try {
    for (let row = await queue.next(signal); row; row = await queue.next(signal)) yield row;
  } finally {
    queue.close();
  }
}
