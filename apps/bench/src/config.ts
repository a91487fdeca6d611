/** Ports of the bench's own stack, apart from `pnpm dev` (x233) and the tests (x243). */
export const BENCH_PORTS = {
  temporal: 7263,
  temporalMetrics: 9263,
  payments: 4263,
  menu: 3263,
  driver: 3264,
} as const;

export const TEMPORAL_ADDRESS = `127.0.0.1:${BENCH_PORTS.temporal}`;
export const METRICS_URL = `http://127.0.0.1:${BENCH_PORTS.temporalMetrics}/metrics`;
export const PAYMENTS_URL = `http://127.0.0.1:${BENCH_PORTS.payments}`;
export const MENU_URL = `http://127.0.0.1:${BENCH_PORTS.menu}`;
export const DRIVER_URL = `http://127.0.0.1:${BENCH_PORTS.driver}`;

export const ORDER_TASK_QUEUE = 'bench-orders';
export const BASELINE_TASK_QUEUE = 'bench-baseline';

/** Long enough that no order times out, is refunded or asks for a rating during the run. */
export const QUIET_WINDOW_MS = 30 * 60_000;

/** What every bench order contains. */
export const BENCH_ITEMS = [{ productId: 'margherita', quantity: 1 }];

/** How much each measurement samples; sized so the whole run stays near 10 minutes on 2 cores. */
export const SAMPLES = {
  starts: 200,
  warmup: 10,
  throughputConcurrency: [1, 10, 50],
  throughputWarmupMs: 3_000,
  throughputWindowMs: 20_000,
  boardOpenOrders: [100, 1_000, 5_000],
  boardRefreshes: 100,
  memoryOpenOrders: [1_000, 5_000],
  /** Live updates and the cost of open pages are measured once the board has this many. */
  liveAtOpenOrders: 1_000,
  liveOrders: 15,
  pageCounts: [0, 1, 10],
  pageWindowMs: 30_000,
} as const;
