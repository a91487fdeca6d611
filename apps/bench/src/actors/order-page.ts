import { performance } from 'node:perf_hooks';
import type { OrderState, OrderStatus } from '@delivery/common';
import { sleep } from '../sleep';

/**
 * A customer's open order page: one live subscription, and the moment each state of the order
 * first reached it (`performance.now()` clock, taken as the event arrives).
 */
export class OrderPage {
  private readonly abort = new AbortController();
  private readonly firstSeen = new Map<OrderState, number>();
  private failure: unknown = null;

  constructor(subscribe: (signal: AbortSignal) => AsyncGenerator<OrderStatus>) {
    void this.follow(subscribe(this.abort.signal));
  }

  /** When `state` first showed on the page, waiting up to `timeoutMs` for it. */
  async seen(state: OrderState, timeoutMs = 30_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const at = this.firstSeen.get(state);
      if (at !== undefined) return at;
      if (this.failure) throw this.failure;
      if (Date.now() > deadline) throw new Error(`the order page never showed "${state}"`);
      await sleep(10);
    }
  }

  close(): void {
    this.abort.abort();
  }

  private async follow(statuses: AsyncGenerator<OrderStatus>): Promise<void> {
    try {
      for await (const status of statuses) {
        const now = performance.now();
        // The timeline, not the current state: a fast order may pass a state between two updates.
        for (const { state } of status.timeline)
          if (!this.firstSeen.has(state)) this.firstSeen.set(state, now);
      }
    } catch (error) {
      if (!this.abort.signal.aborted) this.failure = error;
    }
  }
}
