import type { Machine } from '../measure/machine';
import type { OpenOrderLevels } from '../phases/open-order-levels';
import type { StartLatency } from '../phases/start-latency';
import type { ThroughputFigures } from '../phases/throughput';
import type { TargetResult } from './targets';

/** Everything one run measured: what bench/results.json holds. */
export interface BenchResults extends OpenOrderLevels, ThroughputFigures {
  date: string;
  durationSeconds: number;
  machine: Machine;
  /** 1-minute load average at the start and end: other work on the machine shows here. */
  loadAverage: { atStart: number; atEnd: number };
  startLatency: StartLatency;
  targets: TargetResult[];
}

export type Figures = Omit<BenchResults, 'targets'>;
