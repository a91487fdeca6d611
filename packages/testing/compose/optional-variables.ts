/*
 * Variables the code reads that docker-compose.yml leaves unset on purpose, each with the reason
 * (docs/deploy.md and README.md document them). A variable the code starts reading must be set
 * in docker-compose.yml or be added here with its reason: the compose suite fails until it is.
 */

const HAS_DEFAULT = 'the code has a default that suits this stack';
const ORDER_WINDOWS =
  "shortens the order's windows for tests and demos; unset keeps the workflow's";
const FAULTS = 'injects faults, for the tests';

export const OPTIONAL_VARIABLES: Record<string, string> = {
  TEMPORAL_CONNECT_TIMEOUT_MS: HAS_DEFAULT,
  TEMPORAL_RPC_TIMEOUT_MS: HAS_DEFAULT,
  WORKER_MAX_CACHED_WORKFLOWS: HAS_DEFAULT,
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: HAS_DEFAULT,
  WORKER_MAX_CONCURRENT_ACTIVITIES: HAS_DEFAULT,
  ORDER_RATE_LIMIT: HAS_DEFAULT,
  ORDER_RATE_LIMIT_PER_ADDRESS: HAS_DEFAULT,
  ORDER_PAYMENT_WINDOW_MS: ORDER_WINDOWS,
  ORDER_RESTAURANT_WINDOW_MS: ORDER_WINDOWS,
  ORDER_PREPARATION_GRACE_MS: ORDER_WINDOWS,
  ORDER_PICKUP_WINDOW_MS: ORDER_WINDOWS,
  ORDER_DELIVERY_WINDOW_MS: ORDER_WINDOWS,
  ORDER_RATING_DELAY_MS: ORDER_WINDOWS,
  ORDER_RATING_WINDOW_MS: ORDER_WINDOWS,
  NOTIFICATION_FAILURE_RATE: FAULTS,
  PAYMENT_FAILURE_RATE: FAULTS,
  PAYMENT_LATENCY_MS: FAULTS,
  PAYMENT_COMMIT_DELAY_MS: FAULTS,
  PAYMENT_REFUNDS_REFUSED: FAULTS,
  ORDER_EVENTS_DB_PATH: 'the embedded bus for one machine; ORDER_EVENTS_URL picks NATS instead',
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'a traces-only override of OTEL_EXPORTER_OTLP_ENDPOINT',
  OTEL_SERVICE_NAME: 'each process names itself in its traces and logs',
};

/** Set by the runtime, not by a deployment: Next.js sets NEXT_RUNTIME for each of its runtimes. */
export const RUNTIME_SET = new Set(['NEXT_RUNTIME']);

/**
 * Set in docker-compose.yml for code that is not ours: Next.js's standalone server listens on
 * PORT (HOSTNAME comes from the Dockerfile).
 */
export const READ_BY_THE_RUNTIME = new Set(['PORT']);
