// `pnpm bench`: measures the product against a bare-Temporal baseline on its own stack, then
// writes bench/results.json, bench/results.md, docs/benchmarks-chart.svg and the docs table.
import { loadavg } from 'node:os';
import { Kitchen } from './actors/kitchen';
import { startBenchStack, type BenchStack } from './bench-stack';
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

const loadAverage = (): number => Math.round(loadavg()[0]! * 100) / 100;

async function measure(
  stack: BenchStack,
  startedAt: number,
  loadAtStart: number,
): Promise<BenchResults> {
  const { client } = stack;
  progress(
    'a bare workflow start (baseline), placeOrder in-process, products and createOrder over HTTP, interleaved...',
  );
  const startLatency = await measureStartLatency(client);
  const { bareStart, placeOrder, createOrder, ratio } = startLatency;
  progress(
    `  p50: bare start ${bareStart.p50} ms, placeOrder ${placeOrder.p50} ms, ` +
      `createOrder ${createOrder.p50} ms (${ratio.p50}x the bare start)`,
  );

  progress(
    'orders delivered per second, created over HTTP, readied by an instant kitchen and delivered by instant drivers...',
  );
  const throughput = await measureThroughput(new Kitchen(client));

  progress(
    `terminated ${await clearOrders(client)} orders; restarting the worker so it holds only open orders`,
  );
  // A fresh worker process: its memory then holds only what comes after.
  await stack.worker.restart('SIGTERM');
  const levels = await measureOpenOrderLevels(stack.worker, client);

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
}

async function main(starting: Promise<BenchStack>, startedAt: number, loadAtStart: number) {
  const stack = await starting;
  try {
    const results = await measure(stack, startedAt, loadAtStart);
    await writeResults(results);
    console.log(`\n${targetsTable(results.targets)}\n`);
    progress(`wrote ${Object.values(OUTPUTS).join(', ')}`);
  } finally {
    await stack.stop();
  }
}

const startedAt = Date.now();
const loadAtStart = loadAverage();
const interrupt = new AbortController();
const starting = startBenchStack(interrupt.signal);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupt.signal.aborted) return;
    progress(`${signal}: stopping everything the bench started...`);
    // Aborting stops the stack, whether it is still starting or running.
    interrupt.abort();
    void starting
      .then((stack) => stack.stop())
      .catch(() => undefined)
      .finally(() => process.exit(130));
  });
}

main(starting, startedAt, loadAtStart).then(
  () => process.exit(0),
  (error: unknown) => {
    // Once interrupted, what fails is only the processes going away.
    if (interrupt.signal.aborted) return;
    console.error(
      `[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exit(1);
  },
);
