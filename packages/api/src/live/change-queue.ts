import type { OrderSummary } from '@delivery/common';
import type { ChangeFeed } from './change-feed';

/**
 * The changes a feed publishes that one subscriber accepts, until it takes them. A slow reader
 * never makes it grow without bound: only the latest row of each order is kept.
 */
export class ChangeQueue {
  private readonly pending = new Map<string, OrderSummary>();
  private wake: (() => void) | null = null;
  private closed = false;
  private readonly unsubscribe: () => void;

  constructor(feed: ChangeFeed, accept: (row: OrderSummary) => boolean) {
    this.unsubscribe = feed.subscribe((row) => {
      if (!accept(row)) return;
      this.pending.delete(row.orderId);
      this.pending.set(row.orderId, row);
      this.wake?.();
    });
  }

  /** The next change, or `null` once the queue is closed or `signal` aborts. */
  async next(signal?: AbortSignal): Promise<OrderSummary | null> {
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

/** Every accepted change, as an async iterable that ends when `signal` aborts. */
export async function* changesOf(
  feed: ChangeFeed,
  accept: (row: OrderSummary) => boolean,
  signal?: AbortSignal,
): AsyncGenerator<OrderSummary> {
  const queue = new ChangeQueue(feed, accept);
  try {
    for (let row = await queue.next(signal); row; row = await queue.next(signal)) yield row;
  } finally {
    queue.close();
  }
}
