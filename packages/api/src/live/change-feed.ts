import type { OrderStatus } from '@delivery/common';
import type { OrderEvent, OrderEventBus, OrderEventSubscription } from '@delivery/events';
import { setTimeout as pause } from 'node:timers/promises';
import type { TemporalAccess } from '../temporal/access';
import { TemporalUnavailableError } from '../temporal/errors';
import { orderStatus } from '../temporal/orders';
import { SharedCalls } from './shared-calls';

export interface FeedStats {
  /** Subscriptions the process holds on the order-event bus: one, however many pages listen. */
  busSubscriptions: number;
  /** Order events the process received from the bus since it started. */
  events: number;
  /** Reads of an order's latest event from the bus: one per live order page (re)subscribing. */
  latestReads: number;
  /** getStatus queries (Temporal's only cost here), for orders the bus holds no event of. */
  statusQueries: number;
  /** Listeners subscribed right now (one per open live page, roughly). */
  subscribers: number;
}

/** An order's status, and the version of the event it came from (0 when read with getStatus). */
export interface CurrentStatus {
  version: number;
  status: OrderStatus;
}

type Listener = (event: OrderEvent) => void;

/**
 * How long each order's latest event is kept to replay to a page that (re)subscribes: a list
 * read from Visibility just before (which lags), or a stream that reconnected after a drop, to
 * this process or, when its own died, to another. A process starting anew reads this far back.
 */
const REPLAY_MS = 30_000;
/** A page reads its order once the feed listens, or after this long when the broker is away. */
const LISTENING_WAIT_MS = 2_000;
/** Pages opening the same order at once share one read. */
const SHARED_READ_MS = 1_000;
const WARNING_INTERVAL_MS = 30_000;
/**
 * How long a page waits for its order's status while neither the broker nor Temporal answers
 * (the broker restarting while the order's worker is gone), trying the broker first each time.
 */
const READ_PATIENCE_MS = 30_000;
const FIRST_RETRY_MS = 250;
const LONGEST_RETRY_MS = 2_000;

/**
 * The process's one subscription to the order events the worker publishes, handed to every
 * listener in process: Temporal's load does not grow with pages or site replicas. It starts with
 * the first listener and stays, keeping recent events to replay to newcomers; it starts with the
 * changes of the last REPLAY_MS, so a replica started again has them for the pages that come back.
 */
export class ChangeFeed {
  private readonly listeners = new Set<Listener>();
  /** The latest event of each order changed within REPLAY_MS, the oldest change first. */
  private readonly recent = new Map<string, { event: OrderEvent; at: number }>();
  private readonly reads = new SharedCalls<CurrentStatus>(SHARED_READ_MS);
  private subscription: OrderEventSubscription | null = null;
  private eventsReceived = 0;
  private latestReads = 0;
  private statusQueries = 0;
  private lastWarningAt = 0;

  constructor(
    private readonly temporal: TemporalAccess,
    private readonly bus: OrderEventBus,
  ) {}

  /** Calls `listener` with each event (recent ones first); returns the unsubscribe. */
  subscribe(listener: Listener): () => void {
    this.subscription ??= this.bus.subscribe((event) => this.receive(event), {
      since: Date.now() - REPLAY_MS,
    });
    this.listeners.add(listener);
    this.forgetOlderThan(Date.now() - REPLAY_MS);
    for (const { event } of this.recent.values()) listener(event);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once no event published from now on can be missed (or the broker is slow to say). */
  async listening(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.subscription?.ready,
      new Promise((resolve) => (timer = setTimeout(resolve, LISTENING_WAIT_MS))),
    ]);
    clearTimeout(timer);
  }

  /**
   * The order's status now: its latest event, or, for an order the bus holds none of (just placed,
   * started before orders published events, or the broker unreachable), its first event or one
   * getStatus query, whichever comes first. While neither answers, it tries again for a while
   * before the page is told to try later.
   */
  current(orderId: string): Promise<CurrentStatus> {
    return this.reads.get(orderId, () => this.readThroughOutages(orderId));
  }

  stats(): FeedStats {
    return {
      busSubscriptions: this.subscription ? 1 : 0,
      events: this.eventsReceived,
      latestReads: this.latestReads,
      statusQueries: this.statusQueries,
      subscribers: this.listeners.size,
    };
  }

  private async readThroughOutages(orderId: string): Promise<CurrentStatus> {
    const deadline = Date.now() + READ_PATIENCE_MS;
    for (let wait = FIRST_RETRY_MS; ; wait = Math.min(wait * 2, LONGEST_RETRY_MS)) {
      try {
        return await this.read(orderId);
      } catch (error) {
        if (!(error instanceof TemporalUnavailableError) || Date.now() + wait > deadline)
          throw error;
        await pause(wait);
      }
    }
  }

  private async read(orderId: string): Promise<CurrentStatus> {
    const event = await this.latestEvent(orderId);
    if (event) return { version: event.version, status: event.status };
    // None yet. An order placed a moment ago publishes its first event within moments, while a
    // query of it waits for its first workflow task (up to the RPC deadline under load): the first
    // to answer wins. An order from before events, or no order at all, is answered by the query.
    const first = this.firstEventOf(orderId);
    try {
      return await Promise.race([first.status, this.queryStatus(orderId)]);
    } finally {
      first.stop();
    }
  }

  /** The order's next event as it arrives (or the one this process received lately). */
  private firstEventOf(orderId: string): { status: Promise<CurrentStatus>; stop: () => void } {
    let stop = () => {};
    const status = new Promise<CurrentStatus>((resolve) => {
      stop = this.subscribe((event) => {
        if (event.orderId === orderId) resolve({ version: event.version, status: event.status });
      });
    });
    return { status, stop };
  }

  private async queryStatus(orderId: string): Promise<CurrentStatus> {
    this.statusQueries += 1;
    return { version: 0, status: await orderStatus(this.temporal, orderId) };
  }

  private async latestEvent(orderId: string): Promise<OrderEvent | null> {
    this.latestReads += 1;
    try {
      return await this.bus.latest(orderId);
    } catch (error) {
      this.warn(error);
      return null;
    }
  }

  private receive(event: OrderEvent): void {
    this.eventsReceived += 1;
    const now = Date.now();
    this.recent.delete(event.orderId);
    this.recent.set(event.orderId, { event, at: now });
    this.forgetOlderThan(now - REPLAY_MS);
    for (const listener of this.listeners) listener(event);
  }

  private forgetOlderThan(ms: number): void {
    for (const [orderId, { at }] of this.recent) {
      if (at >= ms) return;
      this.recent.delete(orderId);
    }
  }

  private warn(error: unknown): void {
    if (Date.now() - this.lastWarningAt < WARNING_INTERVAL_MS) return;
    this.lastWarningAt = Date.now();
    console.warn(
      `[api] order events unreadable, reading orders from Temporal: ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
  }
}
