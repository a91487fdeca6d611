import type { ManagedProcess } from '@delivery/harness/managed-process';
import { nextSite, orderWorker, paymentsService, temporalServer } from '@delivery/harness/stack';
import {
  BENCH_PORTS,
  ORDER_TASK_QUEUE,
  PAYMENTS_URL,
  QUIET_WINDOW_MS,
  TEMPORAL_ADDRESS,
} from './config';
import { progress } from './progress';
import { ensureSitesBuilt } from './site-builds';

const NO_FAULTS = {
  PAYMENT_FAILURE_RATE: '0',
  PAYMENT_LATENCY_MS: '0',
  NOTIFICATION_FAILURE_RATE: '0',
};

/** Where the sites send orders, and windows no order of the run reaches. */
const SITE_ENV = {
  TEMPORAL_ADDRESS,
  TEMPORAL_NAMESPACE: 'default',
  NEXT_TELEMETRY_DISABLED: '1',
  ORDER_PICKUP_WINDOW_MS: String(QUIET_WINDOW_MS),
  ORDER_DELIVERY_WINDOW_MS: String(QUIET_WINDOW_MS),
  ORDER_RATING_DELAY_MS: String(QUIET_WINDOW_MS),
  SESSION_SECRET: 'bench-only-session-secret-of-enough-length',
};

/**
 * The whole product on bench-only ports: an in-memory Temporal dev server with a fixed metrics
 * port, the payment sandbox, the order worker and both production-built sites.
 */
export class BenchStack {
  readonly temporal = temporalServer({
    port: BENCH_PORTS.temporal,
    metricsPort: BENCH_PORTS.temporalMetrics,
  });
  readonly payments = paymentsService({ port: BENCH_PORTS.payments, env: NO_FAULTS });
  readonly worker = orderWorker({
    taskQueue: ORDER_TASK_QUEUE,
    temporalAddress: TEMPORAL_ADDRESS,
    paymentsUrl: PAYMENTS_URL,
    env: NO_FAULTS,
  });
  readonly menu = nextSite('menu', {
    port: BENCH_PORTS.menu,
    taskQueue: ORDER_TASK_QUEUE,
    env: SITE_ENV,
  });
  readonly driver = nextSite('driver', {
    port: BENCH_PORTS.driver,
    taskQueue: ORDER_TASK_QUEUE,
    env: SITE_ENV,
  });
  private readonly started: ManagedProcess[] = [];
  private stopping: Promise<void> | null = null;

  async start(): Promise<void> {
    ensureSitesBuilt();
    for (const service of [this.temporal, this.payments, this.worker, this.menu, this.driver]) {
      progress(`starting ${service.spec.name}...`);
      this.started.push(service);
      await service.start();
    }
  }

  /** A fresh worker process: its memory then holds only what comes after. */
  async restartWorker(): Promise<void> {
    await this.worker.restart('SIGTERM');
  }

  get workerPid(): number {
    const pid = this.worker.pid;
    if (pid === undefined) throw new Error('the worker is not running');
    return pid;
  }

  /** Stops what was started, last first; a second call waits for the first. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      for (const service of [...this.started].reverse()) {
        await service.stop('SIGTERM', 10_000).catch(() => undefined);
      }
    })();
    return this.stopping;
  }
}
