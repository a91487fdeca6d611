import type { Driver } from '../actors/driver';
import { SAMPLES } from '../config';
import { summarize, timeEach, type LatencySummary } from '../measure/latency';
import { countTemporalCalls, totalOf, type CallsByOperation } from '../measure/temporal-calls';

export interface BoardLatency {
  openOrders: number;
  /** `getOrders` through the driver site's HTTP API: the board's first page. */
  latency: LatencySummary;
  rowsPerPage: number;
  temporalCallsPerRefresh: number;
  callsPerRefreshByOperation: CallsByOperation;
}

const perRefresh = (count: number): number =>
  Math.round((count / SAMPLES.boardRefreshes) * 100) / 100;

/** Refreshes the driver's board one after another, counting what Temporal served for them. */
export async function measureBoard(driver: Driver, openOrders: number): Promise<BoardLatency> {
  await timeEach(SAMPLES.warmup, () => driver.board());
  const { result: samples, calls } = await countTemporalCalls(() =>
    timeEach(SAMPLES.boardRefreshes, () => driver.board()),
  );
  return {
    openOrders,
    latency: summarize(samples),
    rowsPerPage: (await driver.board()).orders.length,
    temporalCallsPerRefresh: perRefresh(totalOf(calls)),
    callsPerRefreshByOperation: Object.fromEntries(
      Object.entries(calls).map(([operation, count]) => [operation, perRefresh(count)]),
    ),
  };
}
