import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface RequestMetrics {
  /** The process's request metrics and Node's own (memory, CPU, event loop). */
  registry: Registry;
  /** One call of a procedure: `ok` or its tRPC error code, and how long its request took. */
  record(procedure: string, outcome: string, seconds: number): void;
}

const LABELS = ['procedure', 'outcome'] as const;

function createRequestMetrics(): RequestMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const calls = new Counter({
    name: 'trpc_requests_total',
    help: 'tRPC procedure calls, by procedure and outcome (ok, or the tRPC error code).',
    labelNames: LABELS,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'trpc_request_duration_seconds',
    help: 'Time to answer the request a tRPC call came in, by procedure and outcome.',
    labelNames: LABELS,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return {
    registry,
    record(procedure, outcome, seconds) {
      calls.inc({ procedure, outcome });
      duration.observe({ procedure, outcome }, seconds);
    },
  };
}

const shared = Symbol.for('@delivery/observability/request-metrics');
type Holder = { [shared]?: RequestMetrics };

/** The process's one set of request metrics, on globalThis so every bundle of a site counts into it. */
export function requestMetrics(): RequestMetrics {
  return ((globalThis as Holder)[shared] ??= createRequestMetrics());
}
