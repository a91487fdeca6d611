import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { BenchResults } from './bench-results';

type Row = Record<string, string | number>;

const PANEL = { width: 260, height: 170 };
const PERCENTILES = ['p50', 'p95', 'p99'] as const;
const LEGEND = { orient: 'top' as const, columns: 2, labelLimit: 200 };

/** A dashed line at a target value, over a panel's bars or points. */
const targetRule = (value: number) => ({
  data: { values: [{ target: value }] },
  mark: { type: 'rule' as const, color: '#c0392b', strokeDash: [4, 4] },
  encoding: { y: { field: 'target', type: 'quantitative' as const } },
});

function percentileRows(
  series: string,
  latency: Record<(typeof PERCENTILES)[number], number>,
): Row[] {
  return PERCENTILES.map((percentile) => ({ series, percentile, ms: latency[percentile] }));
}

function chartSpec(results: BenchResults): TopLevelSpec {
  const { startLatency, throughput, board, liveUpdates, pageCost, workerMemory } = results;
  const grouped = (title: string, values: Row[], yTitle: string, target?: number) => ({
    ...PANEL,
    title,
    layer: [
      {
        data: { values },
        mark: 'bar' as const,
        encoding: {
          x: {
            field: 'percentile',
            type: 'nominal' as const,
            title: null,
            axis: { labelAngle: 0 },
          },
          xOffset: { field: 'series', type: 'nominal' as const, sort: null },
          y: { field: 'ms', type: 'quantitative' as const, title: yTitle },
          color: {
            field: 'series',
            type: 'nominal' as const,
            sort: null,
            title: null,
            legend: LEGEND,
          },
        },
      },
      ...(target === undefined ? [] : [targetRule(target)]),
    ],
  });
  const bars = (title: string, values: Row[], x: string, y: string, yTitle: string) => ({
    ...PANEL,
    title,
    data: { values },
    mark: { type: 'bar' as const, color: '#4c78a8' },
    encoding: {
      x: { field: x, type: 'ordinal' as const, sort: null, title: x, axis: { labelAngle: 0 } },
      y: { field: y, type: 'quantitative' as const, title: yTitle },
    },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `pnpm bench, ${results.date.slice(0, 10)}: ${results.machine.cores} cores, ${results.machine.memoryGiB} GiB`,
      subtitle:
        'Dashed red lines: targets (board p95 under 100 ms at 1,000 open orders; changes seen within 1 s at p95)',
      anchor: 'start',
      offset: 16,
    },
    columns: 3,
    spacing: 40,
    align: 'each',
    config: { font: 'sans-serif', view: { stroke: null } },
    resolve: { scale: { color: 'independent' } },
    concat: [
      grouped(
        'Starting an order (ms)',
        [
          ...percentileRows('bare start', startLatency.bareStart),
          ...percentileRows('placeOrder in-process', startLatency.placeOrder),
          ...percentileRows('products over HTTP', startLatency.siteFloor),
          ...percentileRows('createOrder over HTTP', startLatency.createOrder),
        ],
        'ms',
      ),
      bars(
        'Orders delivered per second',
        throughput.map((t) => ({ concurrency: t.concurrency, 'orders/s': t.ordersPerSecond })),
        'concurrency',
        'orders/s',
        'orders/s',
      ),
      grouped(
        'Driver board refresh (ms)',
        board.flatMap((b) =>
          percentileRows(`${b.openOrders.toLocaleString('en')} open`, b.latency),
        ),
        'ms',
        100,
      ),
      grouped(
        'Driver action seen by customer (ms)',
        [
          ...percentileRows('seen by customer', liveUpdates.seenByCustomer),
          ...percentileRows('driver request', liveUpdates.driverAction),
        ],
        'ms',
        1_000,
      ),
      {
        ...PANEL,
        title: 'Temporal calls/min by open pages',
        data: {
          values: pageCost.flatMap((p) =>
            Object.entries(p.callsPerMinuteByOperation).map(([operation, perMinute]) => ({
              pages: p.pages,
              operation,
              perMinute,
            })),
          ),
        },
        mark: 'bar',
        encoding: {
          x: {
            field: 'pages',
            type: 'ordinal',
            title: 'open order pages',
            scale: { domain: pageCost.map((p) => p.pages) },
            axis: { labelAngle: 0 },
          },
          y: { field: 'perMinute', type: 'quantitative', title: 'calls/min', stack: 'zero' },
          color: { field: 'operation', type: 'nominal', title: null, legend: LEGEND },
        },
      },
      bars(
        'Worker resident memory (MiB)',
        workerMemory.map((m) => ({
          'open orders': m.openOrders.toLocaleString('en'),
          MiB: m.residentMiB,
        })),
        'open orders',
        'MiB',
        'MiB',
      ),
    ],
  } as TopLevelSpec;
}

/** The run's figures as one SVG, rendered headless with Vega (no browser, no canvas). */
export async function resultsChart(results: BenchResults): Promise<string> {
  const view = new View(parse(compile(chartSpec(results)).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
