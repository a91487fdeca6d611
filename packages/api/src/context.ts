import type { Driver, OrderWindows } from '@delivery/common';
import { sharedChangeFeed, type ChangeFeed } from './live/change-feed';
import { orderWindowsFromEnv } from './order-windows';
import { customerSession, driverSession } from './session';
import { sharedTemporal, type TemporalAccess } from './temporal-client';

export interface Context {
  /** The process's one Temporal client (tests may give their own). */
  temporal: TemporalAccess;
  /** The process's one change feed for live updates. */
  feed: ChangeFeed;
  /** Headers of the response, for the session cookies. */
  resHeaders: Headers;
  /** The menu's anonymous customer; `null` on the driver site or when the cookie was not ours. */
  customerId: string | null;
  /** The signed-in driver on the driver site, or `null`. */
  driver: Driver | null;
  /** Windows every new order gets, from the server's environment (never from the client). */
  orderWindows: Partial<OrderWindows>;
}

/** What a fetch adapter (Next route handler) knows about a request. */
export interface RequestContextOptions {
  headers: Headers;
  resHeaders: Headers;
}

/** A context from explicit parts, e.g. a test's customer or driver; the rest is the process's. */
export function createContext(parts: Partial<Context> = {}): Context {
  return {
    temporal: sharedTemporal(),
    feed: sharedChangeFeed(),
    resHeaders: new Headers(),
    customerId: null,
    driver: null,
    orderWindows: orderWindowsFromEnv(),
    ...parts,
  };
}

export async function createMenuContext({
  headers,
  resHeaders,
}: RequestContextOptions): Promise<Context> {
  return createContext({ resHeaders, customerId: customerSession(headers, resHeaders) });
}

export async function createDriverContext({
  headers,
  resHeaders,
}: RequestContextOptions): Promise<Context> {
  return createContext({ resHeaders, driver: driverSession(headers) });
}
