import type { OrderStatus, OrderSummary } from '@delivery/common';
import type { TemporalAccess } from '../temporal/access';
import { listOrders, orderStatus } from '../temporal/orders';
import { changedSinceQuery } from '../temporal/visibility-query';
import { SharedCalls } from './shared-calls';

export interface FeedStats {
  /** Visibility list calls made by the feed since the process started. */
  visibilityCalls: number;
  /** getStatus queries made for live subscribers since the process started. */
  statusQueries: number;
  /** Listeners subscribed right now (one per open live page, roughly). */
  subscribers: number;
}

export interface ChangeFeedOptions {
  /** How often the feed asks Visibility what changed (LIVE_POLL_MS). */
  pollMs: number;
  /** How far each poll looks back before the previous one, for Visibility lag (LIVE_OVERLAP_MS). */
  overlapMs: number;
}

type Listener = (row: OrderSummary) => void;

const PAGE_SIZE = 1_000;
const WARNING_INTERVAL_MS = 30_000;

/**
 * The process's one view of what changed: while anyone listens, one Visibility call per poll
 * (`OrderUpdatedAt >= since`) finds every changed order, and each change is handed to every
 * listener in process. Temporal's load depends on the poll rate, not on the number of pages.
 */
export class ChangeFeed {
  private readonly listeners = new Set<Listener>();
  /** Latest row of each order changed within the look-back: dedupes polls, replays to newcomers. */
  private readonly recent = new Map<string, OrderSummary>();
  private readonly statuses: SharedCalls<OrderStatus>;
  private readonly pollMs: number;
  private readonly overlapMs: number;
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  private lastPollStartedAt = 0;
  private lastWarningAt = 0;
  private visibilityCalls = 0;
  private statusQueries = 0;

  constructor(
    private readonly temporal: TemporalAccess,
    { pollMs, overlapMs }: ChangeFeedOptions,
  ) {
    this.pollMs = pollMs;
    this.overlapMs = overlapMs;
    this.statuses = new SharedCalls(pollMs * 2);
  }

  /** Calls `listener` with each changed row (recent ones first); returns the unsubscribe. */
  subscribe(listener: Listener): () => void {
    if (!this.timer && !this.polling) this.start();
    this.listeners.add(listener);
    for (const row of this.recent.values()) listener(row);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.timer) {
        clearTimeout(this.timer);
        this.timer = null;
      }
    };
  }

  /**
   * The order's status after the change stamped `updatedAt` (or now): one getStatus query per
   * change, shared by every subscriber of the process.
   */
  status(orderId: string, updatedAt = 'now'): Promise<OrderStatus> {
    return this.statuses.get(`${orderId}@${updatedAt}`, () => {
      this.statusQueries += 1;
      return orderStatus(this.temporal, orderId);
    });
  }

  stats(): FeedStats {
    return {
      visibilityCalls: this.visibilityCalls,
      statusQueries: this.statusQueries,
      subscribers: this.listeners.size,
    };
  }

  /** Rows kept from before a pause may be stale: only changes from now on are news. */
  private start(): void {
    this.recent.clear();
    this.lastPollStartedAt = Date.now();
    this.schedule(this.pollMs);
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => void this.poll(), delayMs);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    this.timer = null;
    this.polling = true;
    const startedAt = Date.now();
    try {
      const rows = await this.changedSince(new Date(this.lastPollStartedAt - this.overlapMs));
      // Only a poll that answered moves the window, so an outage loses no change.
      this.lastPollStartedAt = startedAt;
      rows.forEach((row) => this.publish(row));
      this.forgetOlderThan(startedAt - this.overlapMs);
    } catch (error) {
      this.warn(error);
    } finally {
      this.polling = false;
      if (this.listeners.size > 0)
        this.schedule(Math.max(0, this.pollMs - (Date.now() - startedAt)));
    }
  }

  private async changedSince(since: Date): Promise<OrderSummary[]> {
    const rows: OrderSummary[] = [];
    let pageToken: Uint8Array | undefined;
    do {
      this.visibilityCalls += 1;
      const page = await listOrders(this.temporal, {
        query: changedSinceQuery(since),
        pageSize: PAGE_SIZE,
        pageToken,
      });
      rows.push(...page.orders);
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
    return rows;
  }

  private publish(row: OrderSummary): void {
    const seen = this.recent.get(row.orderId);
    if (seen && seen.updatedAt >= row.updatedAt) return;
    this.recent.set(row.orderId, row);
    for (const listener of this.listeners) listener(row);
  }

  /** Rows older than the next poll's look-back cannot come back unchanged. */
  private forgetOlderThan(ms: number): void {
    for (const [orderId, row] of this.recent) {
      if (Date.parse(row.updatedAt) < ms) this.recent.delete(orderId);
    }
  }

  private warn(error: unknown): void {
    if (Date.now() - this.lastWarningAt < WARNING_INTERVAL_MS) return;
    this.lastWarningAt = Date.now();
    console.warn(
      `[api] live updates are paused: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
