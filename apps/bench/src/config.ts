import { PORTS, localUrl } from '@delivery/harness/ports';

/** The bench's own stack (the `bench` block of the port plan), apart from `pnpm dev` and the tests. */
export const BENCH_PORTS = PORTS.bench;

export const TEMPORAL_ADDRESS = `127.0.0.1:${BENCH_PORTS.temporal}`;
export const METRICS_URL = `${localUrl(BENCH_PORTS.temporalMetrics)}/metrics`;
export const MENU_URL = localUrl(BENCH_PORTS.menu);
export const DRIVER_URL = localUrl(BENCH_PORTS.driver);

export const ORDER_TASK_QUEUE = 'bench-orders';
export const BASELINE_TASK_QUEUE = 'bench-baseline';
export const ORDER_SHAPED_TASK_QUEUE = 'bench-order-shaped';

/** Signs the bench's customer and driver sessions, in the sites and in the API it calls itself. */
export const SESSION_SECRET = 'bench-only-session-secret-of-enough-length';

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

/** A bench driver's account: the bench stack seeds them with the demo password. */
const benchDriver = (label: string) => ({
  email: `bench-${label}@example.com`,
  name: `Bench driver ${label}`,
  role: 'driver' as const,
});

/** The board's and the live page's drivers, and one per pair at each throughput level. */
export const BENCH_DRIVERS = {
  board: benchDriver('board'),
  live: benchDriver('live'),
  throughput: (concurrency: number, pair: number) => benchDriver(`${concurrency}-${pair}`),
};

export const BENCH_DRIVER_ACCOUNTS = [
  BENCH_DRIVERS.board,
  BENCH_DRIVERS.live,
  ...SAMPLES.throughputConcurrency.flatMap((concurrency) =>
    Array.from({ length: concurrency }, (_, i) => BENCH_DRIVERS.throughput(concurrency, i + 1)),
  ),
];
