import type { OrderState, OrderStatus, OrderSummary } from '@delivery/common';
import type { Arrival } from '@delivery/harness/live-page';
import type { OrderResult } from '@delivery/workflows/contract';
import { mustShow, type MustShow } from './must-show';
import type { Page } from './pages';
import type { PlannedOrder } from './plan';

export interface SlowChange {
  orderId: string;
  state: OrderState;
  /** The page waited for the order's end, not for the state. */
  ended: boolean;
  changedAt: number;
}

export interface Convergence {
  /** Pairs of a page and an order it had to show. */
  pairs: number;
  /** Milliseconds from each change to the moment its page showed it, sorted. */
  lagsMs: number[];
  p95Ms: number;
  maxMs: number;
  /** The slowest pairs, for the report. */
  slowest: string[];
  /** The changes the slowest pairs waited for: when their events were published tells where the time went. */
  slowestChanges: SlowChange[];
  /** The connections of the pages the slowest pairs were on: whether a drop explains them. */
  slowestPages: string[];
  /** What a page never showed. */
  missing: string[];
}

/** Whether `arrival` shows what the page must show: the order's end, or that state or a later one. */
function shows(arrival: Arrival<OrderStatus | OrderSummary>, must: MustShow, result: OrderResult) {
  if (arrival.data.orderId !== must.orderId) return false;
  if (must.ended) return 'open' in arrival.data && !arrival.data.open;
  const states = result.timeline.map((step) => step.state);
  return states.indexOf(arrival.data.state) >= states.lastIndexOf(must.state);
}

const secondsSince = (since: number, at: number): string => `${((at - since) / 1000).toFixed(1)} s`;

/** `:3130 connected 0.2 s, dropped 92.0 s, :3131 connected 95.1 s` */
function connectionsOf(page: Page, since: number): string {
  return page.live.history
    .map(({ at, baseUrl, what }) => {
      const replica = what === 'connected' && baseUrl ? `:${new URL(baseUrl).port} ` : '';
      return `${replica}${what} ${secondsSince(since, at)}`;
    })
    .join(', ');
}

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

/**
 * How soon every page showed what it had to, measured from each change's `updatedAt`. What a page
 * never showed is told with when it changed and the page's connections, in seconds from `since`.
 */
export function measureConvergence(
  pages: Page[],
  plan: PlannedOrder[],
  results: Map<string, OrderResult>,
  since: number,
): Convergence {
  const lags: Array<{ lagMs: number; what: string; page: Page; change: SlowChange }> = [];
  const missing: string[] = [];
  for (const page of pages) {
    for (const must of mustShow(page.owner, plan, results)) {
      const result = results.get(must.orderId)!;
      const seen = page.live.arrivals.find((arrival) => shows(arrival, must, result));
      const changedAt = Date.parse(must.at);
      const what =
        `${page.label}: ${must.orderId} ${must.ended ? 'ended ' : ''}${must.state} ` +
        `at ${secondsSince(since, changedAt)}`;
      const change = { orderId: must.orderId, state: must.state, ended: must.ended, changedAt };
      if (seen) lags.push({ lagMs: seen.at - changedAt, what, page, change });
      else missing.push(`${what} (page ${connectionsOf(page, since)})`);
    }
  }
  lags.sort((a, b) => a.lagMs - b.lagMs);
  const lagsMs = lags.map(({ lagMs }) => lagMs);
  const slowest = lags.slice(-5).reverse();
  return {
    pairs: lags.length + missing.length,
    lagsMs,
    p95Ms: percentile(lagsMs, 0.95),
    maxMs: lagsMs.at(-1) ?? 0,
    slowest: slowest.map(({ lagMs, what }) => `${what}, shown ${lagMs} ms later`),
    slowestChanges: [
      ...new Map(
        slowest.map(({ change }) => [`${change.orderId} ${change.state}`, change]),
      ).values(),
    ],
    slowestPages: [...new Set(slowest.map(({ page }) => page))].map(
      (page) => `${page.label}: ${connectionsOf(page, since)}`,
    ),
    missing,
  };
}
