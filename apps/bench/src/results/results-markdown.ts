import type { LatencySummary } from '../measure/latency';
import type { CpuSplit } from '../measure/cpu-split';
import type { CallsByOperation } from '../measure/temporal-calls';
import type { Ceiling, Throughput } from '../phases/throughput';
import type { BenchResults } from './bench-results';
import type { LevelNotReached } from '../phases/open-order-levels';
import { markdownTable } from './markdown-table';
import type { TargetResult } from './targets';

const count = (n: number): string => n.toLocaleString('en');
const ms = (value: number): string => `${value} ms`;
const percentiles = (latency: LatencySummary) => [
  ms(latency.p50),
  ms(latency.p95),
  ms(latency.p99),
  latency.samples,
];
const operations = (calls: CallsByOperation): string =>
  Object.entries(calls)
    .map(([operation, n]) => `${operation} ${n}`)
    .join(', ') || 'none';

function runLine({ date, durationSeconds, machine, loadAverage }: BenchResults): string {
  return (
    `Run of ${date} (${Math.round(durationSeconds / 60)} min) on ${machine.cores} cores ` +
    `(${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}; ` +
    `1-minute load average ${loadAverage.atStart} at the start, ${loadAverage.atEnd} at the end. ` +
    'Everything (Temporal, worker, sites, payment sandbox and the load itself) shares these cores.'
  );
}

const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** One column per concurrency: each process's CPU seconds and share, then the totals. */
function cpuTable(levels: Throughput[]): string {
  const splits: CpuSplit[] = levels.map((level) => level.cpu);
  return markdownTable(
    ['CPU seconds (share)', ...levels.map((level) => `concurrency ${level.concurrency}`)],
    [
      ...splits[0]!.processes.map(({ process }, row) => [
        process,
        ...splits.map((split) => {
          const { cpuSeconds, share } = split.processes[row]!;
          return `${cpuSeconds} s (${percent(share)})`;
        }),
      ]),
      ['all of the above', ...splits.map((split) => `${split.totalCpuSeconds} s`)],
      ['window', ...splits.map((split) => `${split.windowSeconds} s`)],
      ['per delivered order', ...splits.map((split) => `${split.cpuSecondsPerOrder} s`)],
      [
        'elsewhere on the machine (not the bench)',
        ...splits.map((split) => `${split.elsewhereCpuSeconds} s`),
      ],
    ],
  );
}

/** Orders delivered per second, the ceiling beside them, and where the CPU went meanwhile. */
export function throughputMarkdown(throughput: Throughput[], ceiling: Ceiling[]): string {
  return [
    '#### Orders delivered per second (readied by an instant kitchen, picked up, delivered; instant driver, no faults)',
    markdownTable(
      [
        'concurrency',
        'orders/s',
        'delivered in window',
        'failed',
        'one order p50',
        'one order p95',
        'refused pick-up taps per order',
      ],
      throughput.map((t) => [
        t.concurrency,
        t.ordersPerSecond,
        `${t.delivered} in ${t.windowSeconds} s`,
        t.failed,
        ms(t.orderLatency.p50),
        ms(t.orderLatency.p95),
        t.refusedPickUpsPerOrder,
      ]),
    ),
    '#### The ceiling: an order-shaped workflow doing nothing, on a bare worker, driven alike',
    markdownTable(
      [
        'concurrency',
        'ceiling orders/s',
        'orders over ceiling',
        'ceiling p50',
        'order p50 over ceiling',
        'ceiling p95',
        'order p95 over ceiling',
        'failed',
      ],
      ceiling.map((c) => [
        c.concurrency,
        c.ordersPerSecond,
        `${c.orderOverCeiling.ordersPerSecond}x`,
        ms(c.orderLatency.p50),
        `${c.orderOverCeiling.p50}x`,
        ms(c.orderLatency.p95),
        `${c.orderOverCeiling.p95}x`,
        c.failed,
      ]),
    ),
    '#### Where the CPU went while orders were delivered (each process with its children)',
    cpuTable(throughput),
    '#### Where the CPU went while the ceiling ran',
    cpuTable(ceiling),
  ].join('\n\n');
}

export const targetsTable = (targets: TargetResult[]): string =>
  markdownTable(
    ['target', 'measured', 'result'],
    targets.map((t) => [t.target, t.measured, t.met ? 'met' : '**missed**']),
  );

function notReachedLine(notReached: LevelNotReached | null): string[] {
  if (!notReached) return [];
  return [
    `**${count(notReached.openOrders)} open orders were not reached**: the run stopped raising ` +
      `the level at ${count(notReached.reached)} (${notReached.reason}).`,
  ];
}

/** The run as Markdown: what bench/results.md holds and docs/benchmarks.md embeds. */
export function resultsMarkdown(results: BenchResults): string {
  const {
    startLatency,
    throughput,
    ceiling,
    opening,
    board,
    liveUpdates,
    pageCost,
    workerMemory,
    notReached,
    targets,
  } = results;
  return [
    runLine(results),
    ...notReachedLine(notReached),
    '#### Targets',
    targetsTable(targets),
    '#### Starting an order (one call at a time)',
    markdownTable(
      ['', 'p50', 'p95', 'p99', 'samples', 'p50 over the baseline'],
      [
        ['bare `client.workflow.start` (baseline)', ...percentiles(startLatency.bareStart), ''],
        [
          "the API's `placeOrder` in-process (createOrder's Temporal work, no HTTP)",
          ...percentiles(startLatency.placeOrder),
          `${startLatency.placeOrderRatio.p50}x`,
        ],
        [
          "the menu's `products` over HTTP (the site alone, no Temporal call)",
          ...percentiles(startLatency.siteFloor),
          '',
        ],
        [
          '`createOrder` over HTTP',
          ...percentiles(startLatency.createOrder),
          `${startLatency.ratio.p50}x`,
        ],
      ],
    ),
    throughputMarkdown(throughput, ceiling),
    '#### Opening orders (started with the client 100 at a time, until ready for pickup)',
    markdownTable(
      ['up to open orders', 'orders/s'],
      opening.map((o) => [count(o.openOrders), o.ordersPerSecond]),
    ),
    '#### Driver board (`getOrders`, first page)',
    markdownTable(
      ['open orders', 'p50', 'p95', 'p99', 'refreshes', 'rows', 'Temporal calls per refresh'],
      board.map((b) => [
        count(b.openOrders),
        ...percentiles(b.latency),
        b.rowsPerPage,
        `${b.temporalCallsPerRefresh} (${operations(b.callsPerRefreshByOperation)})`,
      ]),
    ),
    `#### Live updates (at ${count(liveUpdates.openOrders)} open orders)`,
    markdownTable(
      ['', 'p50', 'p95', 'p99', 'samples'],
      [
        [
          "driver's action to the customer's page showing it",
          ...percentiles(liveUpdates.seenByCustomer),
        ],
        [
          "the driver's request alone (signal, answer by query)",
          ...percentiles(liveUpdates.driverAction),
        ],
      ],
    ),
    '#### Temporal calls per minute with open order pages (orders not changing)',
    markdownTable(
      ['open pages', 'calls/min', 'by operation'],
      pageCost.map((p) => [p.pages, p.callsPerMinute, operations(p.callsPerMinuteByOperation)]),
    ),
    '#### Worker resident memory',
    markdownTable(
      ['open orders', 'resident (VmRSS)', 'peak so far (VmHWM)'],
      workerMemory.map((m) => [count(m.openOrders), `${m.residentMiB} MiB`, `${m.peakMiB} MiB`]),
    ),
  ].join('\n\n');
}
