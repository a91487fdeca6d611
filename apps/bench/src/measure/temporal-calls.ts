import { performance } from 'node:perf_hooks';
import { METRICS_URL } from '../config';
import { sleep } from '../sleep';

/** Requests the Temporal frontend served in the `default` namespace, by gRPC operation. */
export type CallsByOperation = Record<string, number>;

/** Workers' own traffic (long polls, task completions): not calls the sites make. */
const WORKER_OPERATION =
  /^(Poll|Respond|RecordActivityTaskHeartbeat|ShutdownWorker|RecordWorkerHeartbeat)/;

/** The server publishes its counters with a delay of about a second; waiting this long covers it. */
const METRICS_SETTLE_MS = 2_500;

const REQUESTS = /^service_requests\{([^}]*)\} (\S+)$/;

function label(labels: string, name: string): string | undefined {
  return new RegExp(`(?:^|,)${name}="([^"]*)"`).exec(labels)?.[1];
}

/** Reads the dev server's Prometheus endpoint: `service_requests` of the frontend, by operation. */
export async function frontendRequests(): Promise<CallsByOperation> {
  const response = await fetch(METRICS_URL, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`Temporal metrics answered ${response.status}`);
  const counts: CallsByOperation = {};
  for (const line of (await response.text()).split('\n')) {
    const match = REQUESTS.exec(line);
    if (!match) continue;
    const [, labels = '', value = '0'] = match;
    const operation = label(labels, 'operation');
    if (
      !operation ||
      label(labels, 'service_name') !== 'frontend' ||
      label(labels, 'namespace') !== 'default'
    )
      continue;
    counts[operation] = (counts[operation] ?? 0) + Number(value);
  }
  return counts;
}

/** Client calls (worker traffic left out) made between two readings, by operation. */
export function clientCallsBetween(
  before: CallsByOperation,
  after: CallsByOperation,
): CallsByOperation {
  const calls: CallsByOperation = {};
  for (const [operation, count] of Object.entries(after)) {
    const made = count - (before[operation] ?? 0);
    if (made > 0 && !WORKER_OPERATION.test(operation)) calls[operation] = made;
  }
  return calls;
}

export const totalOf = (calls: CallsByOperation): number =>
  Object.values(calls).reduce((sum, count) => sum + count, 0);

/** Runs `work` alone and counts the client calls Temporal served for it. */
export async function countTemporalCalls<T>(
  work: () => Promise<T>,
): Promise<{ result: T; calls: CallsByOperation }> {
  await sleep(METRICS_SETTLE_MS);
  const before = await frontendRequests();
  const result = await work();
  await sleep(METRICS_SETTLE_MS);
  return { result, calls: clientCallsBetween(before, await frontendRequests()) };
}

/** Client calls per minute Temporal serves over `windowMs` of whatever is running. */
export async function callsPerMinute(windowMs: number): Promise<CallsByOperation> {
  const before = await frontendRequests();
  const startedAt = performance.now();
  await sleep(windowMs);
  const after = await frontendRequests();
  const perMinute = 60_000 / (performance.now() - startedAt);
  return Object.fromEntries(
    Object.entries(clientCallsBetween(before, after)).map(([operation, count]) => [
      operation,
      Math.round(count * perMinute * 10) / 10,
    ]),
  );
}
