// `pnpm bench`: measures the product against a bare-Temporal baseline on its own stack, then
// writes bench/results.json, bench/results.md, docs/benchmarks-chart.svg and the docs table.
import { loadavg } from 'node:os';
import { Kitchen } from './actors/kitchen';
import { pidOf, startBenchStack, type BenchStack } from './bench-stack';
import { CpuMeter } from './measure/cpu-split';
import { describeMachine } from './measure/machine';
import { clearOrders } from './orders/clear-orders';
import { measureOpenOrderLevels } from './phases/open-order-levels';
import { measureStartLatency } from './phases/start-latency';
import { measureThroughput } from './phases/throughput';
import { phasesToRun, type Phase } from './phases-to-run';
import { progress } from './progress';
import type { Figures } from './results/bench-results';
import { targetsTable, throughputMarkdown } from './results/results-markdown';
import { judgeTargets } from './results/targets';
import { OUTPUTS, writeResults } from './results/write-results';

const loadAverage = (): number => Math.round(loadavg()[0]! * 100) / 100;

/** The stack's processes and the bench itself, whose CPU the throughput phase splits. */
const cpuMeterOf = (stack: BenchStack): CpuMeter =>
  new CpuMeter(
    [
      { name: 'Temporal server', pid: () => pidOf(stack.temporal) },
      { name: 'order worker', pid: () => pidOf(stack.worker) },
      { name: 'menu site', pid: () => pidOf(stack.sites.menu.process) },
      { name: 'driver site', pid: () => pidOf(stack.sites.driver.process) },
      { name: 'payment sandbox', pid: () => pidOf(stack.payments.sandbox.process) },
    ],
    "bench (the load; the ceiling's worker)",
  );

async function measure(stack: BenchStack, phases: Set<Phase>): Promise<Partial<Figures>> {
  const { client } = stack;
  const figures: Partial<Figures> = {};
  if (phases.has('start')) {
    progress(
      'a bare workflow start (baseline), placeOrder in-process, products and createOrder over HTTP, interleaved...',
    );
    const startLatency = await measureStartLatency(client);
    const { bareStart, placeOrder, createOrder, ratio } = startLatency;
    progress(
      `  p50: bare start ${bareStart.p50} ms, placeOrder ${placeOrder.p50} ms, ` +
        `createOrder ${createOrder.p50} ms (${ratio.p50}x the bare start)`,
    );
    figures.startLatency = startLatency;
  }

  if (phases.has('throughput')) {
    progress(
      'orders delivered per second (created over HTTP, readied by an instant kitchen, delivered by ' +
        'instant drivers), each level then the ceiling (an order-shaped workflow doing nothing)...',
    );
    Object.assign(figures, await measureThroughput(client, new Kitchen(client), cpuMeterOf(stack)));
  }

  if (phases.has('levels')) {
    progress(
      `terminated ${await clearOrders(client)} orders; restarting the worker so it holds only open orders`,
    );
    // A fresh worker process: its memory then holds only what comes after.
    await stack.worker.restart('SIGTERM');
    Object.assign(figures, await measureOpenOrderLevels(stack.worker, client));
  }
  return figures;
}

const isComplete = (figures: Partial<Figures>): figures is Figures =>
  ['startLatency', 'throughput', 'ceiling', 'board'].every((key) => key in figures);

async function main(starting: Promise<BenchStack>, phases: Set<Phase>) {
  const stack = await starting;
  try {
    const figures = {
      ...(await measure(stack, phases)),
      date: new Date().toISOString(),
      durationSeconds: Math.round((Date.now() - startedAt) / 1000),
      machine: describeMachine(),
      loadAverage: { atStart: loadAtStart, atEnd: loadAverage() },
    };
    if (!isComplete(figures)) {
      // Part of a run is not a result: shown, and the results files are left as they are.
      console.log(`\n${JSON.stringify(figures, null, 2)}\n`);
      if (figures.throughput && figures.ceiling)
        console.log(`${throughputMarkdown(figures.throughput, figures.ceiling)}\n`);
      progress('only some phases ran: results files not written');
      return;
    }
    const results = { ...figures, targets: judgeTargets(figures) };
    await writeResults(results);
    console.log(`\n${targetsTable(results.targets)}\n`);
    progress(`wrote ${Object.values(OUTPUTS).join(', ')}`);
  } finally {
    await stack.stop();
  }
}

// Read first: a mistyped phase stops the run before anything starts.
const phases = phasesToRun(process.argv.slice(2));
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

main(starting, phases).then(
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
