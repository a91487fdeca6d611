import type { Figures } from './bench-results';

export interface TargetResult {
  target: string;
  measured: string;
  met: boolean;
}

const BOARD_TARGET_OPEN_ORDERS = 1_000;
/** Window-to-window jitter of a 500 ms feed tick over 30 s is a few calls; 10% covers it. */
const PAGE_COST_TOLERANCE = 1.1;

const count = (n: number): string => n.toLocaleString('en');

/** The targets, each judged against this run's figures. */
export function judgeTargets(figures: Figures): TargetResult[] {
  const { startLatency, board, liveUpdates, pageCost } = figures;
  const boardAtTarget = board.find((level) => level.openOrders === BOARD_TARGET_OPEN_ORDERS);
  const onePage = pageCost.find((cost) => cost.pages === 1);
  const mostPages = pageCost.at(-1);
  return [
    {
      target: 'createOrder p50 within 1.5x of a bare workflow start',
      measured: `${startLatency.ratio.p50}x (${startLatency.createOrder.p50} ms vs ${startLatency.bareStart.p50} ms)`,
      met: startLatency.ratio.p50 <= 1.5,
    },
    {
      target: `Driver board at ${count(BOARD_TARGET_OPEN_ORDERS)} open orders under 100 ms at p95`,
      measured: boardAtTarget ? `${boardAtTarget.latency.p95} ms` : 'not measured',
      met: boardAtTarget !== undefined && boardAtTarget.latency.p95 < 100,
    },
    {
      target: 'One Temporal call per board refresh',
      measured: board
        .map((level) => `${level.temporalCallsPerRefresh} at ${count(level.openOrders)} open`)
        .join(', '),
      met: board.length > 0 && board.every((level) => level.temporalCallsPerRefresh <= 1),
    },
    {
      target: "State changes seen on the customer's page within 1 s at p95",
      measured: `${liveUpdates.seenByCustomer.p95} ms`,
      met: liveUpdates.seenByCustomer.p95 <= 1_000,
    },
    {
      target: 'Temporal calls independent of the number of open pages',
      measured:
        onePage && mostPages
          ? `${onePage.callsPerMinute}/min with 1 page, ${mostPages.callsPerMinute}/min with ${mostPages.pages}`
          : 'not measured',
      met:
        onePage !== undefined &&
        mostPages !== undefined &&
        mostPages.callsPerMinute <= onePage.callsPerMinute * PAGE_COST_TOLERANCE,
    },
  ];
}
