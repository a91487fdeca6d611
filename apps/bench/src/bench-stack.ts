import type { ManagedProcess } from '@delivery/harness/managed-process';
import { startStack } from '@delivery/harness/stack';
import {
  BENCH_DRIVER_ACCOUNTS,
  BENCH_PORTS,
  ORDER_TASK_QUEUE,
  QUIET_WINDOW_MS,
  SESSION_SECRET,
} from './config';
import { progress } from './progress';
import { ensureSitesBuilt } from './site-builds';

const NO_FAULTS = {
  PAYMENT_FAILURE_RATE: '0',
  PAYMENT_LATENCY_MS: '0',
  NOTIFICATION_FAILURE_RATE: '0',
};

/** Windows no order of the run reaches. */
const SITE_ENV = {
  TEMPORAL_NAMESPACE: 'default',
  NEXT_TELEMETRY_DISABLED: '1',
  ORDER_RESTAURANT_WINDOW_MS: String(QUIET_WINDOW_MS),
  ORDER_PICKUP_WINDOW_MS: String(QUIET_WINDOW_MS),
  ORDER_DELIVERY_WINDOW_MS: String(QUIET_WINDOW_MS),
  ORDER_RATING_DELAY_MS: String(QUIET_WINDOW_MS),
  SESSION_SECRET,
  // One bench customer starts hundreds of orders a minute, all from this machine's address.
  ORDER_RATE_LIMIT: '1000000',
  ORDER_RATE_LIMIT_PER_ADDRESS: '1000000',
};

/**
 * The whole product on bench-only ports: an in-memory Temporal dev server with a fixed metrics
 * port, the payment sandbox, the order worker and both production-built sites. Aborting `signal`
 * stops all of it, while it starts or after.
 */
export async function startBenchStack(signal: AbortSignal) {
  ensureSitesBuilt();
  return startStack({
    name: 'bench',
    taskQueue: ORDER_TASK_QUEUE,
    temporal: { port: BENCH_PORTS.temporal, metricsPort: BENCH_PORTS.temporalMetrics },
    payments: { sandbox: { port: BENCH_PORTS.payments, env: NO_FAULTS } },
    worker: { env: NO_FAULTS },
    staff: BENCH_DRIVER_ACCOUNTS,
    sites: {
      menu: { port: BENCH_PORTS.menu, env: SITE_ENV },
      driver: { port: BENCH_PORTS.driver, env: SITE_ENV },
    },
    signal,
    onStarting: (process) => progress(`starting ${process.spec.name}...`),
  });
}

export type BenchStack = Awaited<ReturnType<typeof startBenchStack>>;

/** The process id of a running process, to read its memory. */
export function pidOf(process: ManagedProcess): number {
  const pid = process.pid;
  if (pid === undefined) throw new Error(`${process.spec.name} is not running`);
  return pid;
}
