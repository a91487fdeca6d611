import type { OrderEvent } from './order-event';

/** Where a subscription starts. */
export interface SubscribeOptions {
  /**
   * Also pass on the latest event of every order changed since this time (ms since the epoch):
   * a process started anew catches up on what changed while it was away. Without it, only news.
   */
  since?: number;
}

/** A subscriber's hold on every order's events; `ready` once no event published later is missed. */
export interface OrderEventSubscription {
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Where orders' events go: the worker publishes each change, the sites subscribe. The broker
 * keeps the latest event of every order, so a page that missed some catches up with one read.
 */
export interface OrderEventBus {
  /**
   * Keeps `event` as its order's latest unless the broker already holds that version or a newer
   * one. At-least-once callers (retried activities, landing in any order) are safe: publishing
   * the same or an older version again changes nothing.
   */
  publish(event: OrderEvent): Promise<void>;
  /** The order's latest event, or `null` when it has none (e.g. it started before events). */
  latest(orderId: string): Promise<OrderEvent | null>;
  /**
   * Calls `onEvent` with every order's events published from now on (or from `since`), each
   * order's versions rising (duplicates and older copies are dropped). After a lost connection it
   * resumes where it stopped: an order changed meanwhile arrives once, with its latest version.
   */
  subscribe(
    onEvent: (event: OrderEvent) => void,
    options?: SubscribeOptions,
  ): OrderEventSubscription;
  close(): Promise<void>;
}

/** All the worker's activity needs of the bus. */
export type OrderEventPublisher = Pick<OrderEventBus, 'publish'>;

/** Where a bus reports trouble it rides out (a broker down, a bad message). */
export type Warn = (message: string) => void;

export const warnOnConsole: Warn = (message) => console.warn(`[order-events] ${message}`);
