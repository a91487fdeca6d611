// `pnpm bench`: measures the product against a bare-Temporal baseline on its own stack, then
// writes bench/results.json, bench/results.md, docs/benchmarks-chart.svg and the docs table.
import { loadavg } from 'node:os';
import { temporalClient } from '@delivery/harness/stack';
import { BenchStack } from './bench-stack';
import { ORDER_TASK_QUEUE, TEMPORAL_ADDRESS } from './config';
import { describeMachine } from './measure/machine';
import { clearOrders } from './orders/clear-orders';
import { measureOpenOrderLevels } from './phases/open-order-levels';
import { measureStartLatency } from './phases/start-latency';
import { measureThroughput } from './phases/throughput';
import { progress } from './progress';
import type { BenchResults } from './results/bench-results';
import { targetsTable } from './results/results-markdown';
import { judgeTargets } from './results/targets';
import { OUTPUTS, writeResults } from './results/write-results';
import { ORDER_CLIENT_OPTIONS } from '@delivery/workflows/client';

// The API's own Temporal client and placeOrder, which open orders here, read these as in the sites.
process.env.TEMPORAL_ADDRESS = TEMPORAL_ADDRESS;
process.env.TEMPORAL_NAMESPACE = 'default';
process.env.TASK_QUEUE = ORDER_TASK_QUEUE;

const loadAverage = (): number => Math.round(loadavg()[0]! * 100) / 100;

async function measure(stack: BenchStack): Promise<BenchResults> {
  const startedAt = Date.now();
  const loadAtStart = loadAverage();
  await stack.start();
  const { client, close } = await temporalClient(TEMPORAL_ADDRESS, ORDER_CLIENT_OPTIONS);
  try {
    progress(
      'a bare workflow start (baseline), placeOrder in-process, products and createOrder over HTTP, interleaved...',
    );
    const startLatency = await measureStartLatency(client);
    const { bareStart, placeOrder, createOrder, ratio } = startLatency;
    progress(
      `  p50: bare start ${bareStart.p50} ms, placeOrder ${placeOrder.p50} ms, ` +
        `createOrder ${createOrder.p50} ms (${ratio.p50}x the bare start)`,
    );

    progress('orders delivered per second, created over HTTP and delivered by instant drivers...');
    const throughput = await measureThroughput();

    progress(
      `terminated ${await clearOrders(client)} orders; restarting the worker so it holds only open orders`,
    );
    await stack.restartWorker();
    const levels = await measureOpenOrderLevels(stack, client);

    const figures = {
      date: new Date().toISOString(),
      durationSeconds: Math.round((Date.now() - startedAt) / 1000),
      machine: describeMachine(),
      loadAverage: { atStart: loadAtStart, atEnd: loadAverage() },
      startLatency,
      throughput,
      ...levels,
    };
    return { ...figures, targets: judgeTargets(figures) };
  } finally {
    await close();
  }
}

async function main(stack: BenchStack): Promise<void> {
  try {
    const results = await measure(stack);
    await writeResults(results);
    console.log(`\n${targetsTable(results.targets)}\n`);
    progress(`wrote ${Object.values(OUTPUTS).join(', ')}`);
  } finally {
    await stack.stop();
  }
}

const stack = new BenchStack();
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    progress(`${signal}: stopping everything the bench started...`);
    void stack.stop().finally(() => process.exit(130));
  });
}

main(stack).then(
  () => process.exit(0),
  (error: unknown) => {
    // Once interrupted, what fails is only the processes going away.
    if (interrupted) return;
    console.error(
      `[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exit(1);
  },
);
