import { cpuSecondsOfTrees, machineBusySeconds, ownCpuSeconds } from './process-cpu';

export interface ProcessCpu {
  process: string;
  cpuSeconds: number;
  /** Of the bench's own processes' total. */
  share: number;
}

/** Where the CPU went over a measured window. */
export interface CpuSplit {
  windowSeconds: number;
  processes: ProcessCpu[];
  /** The bench's own processes together (the rows above). */
  totalCpuSeconds: number;
  /** CPU seconds of the bench's processes per order delivered in the window. */
  cpuSecondsPerOrder: number;
  /** The rest of the machine's busy time: work that is not the bench's. */
  elsewhereCpuSeconds: number;
}

/** A process of the stack, by name; its pid is read at each reading (workers restart). */
export interface MeteredProcess {
  name: string;
  pid(): number;
}

export interface CpuReading {
  at: number;
  seconds: number[];
  machineBusy: number;
}

const round = (value: number, places: number): number =>
  Math.round(value * 10 ** places) / 10 ** places;

/** Reads the CPU time of the stack's processes and of the bench itself, to split a window. */
export class CpuMeter {
  private readonly names: string[];

  constructor(
    private readonly processes: MeteredProcess[],
    benchName: string,
  ) {
    this.names = [...processes.map((p) => p.name), benchName];
  }

  read(): CpuReading {
    return {
      at: Date.now(),
      seconds: [...cpuSecondsOfTrees(this.processes.map((p) => p.pid())), ownCpuSeconds()],
      machineBusy: machineBusySeconds(),
    };
  }

  split(from: CpuReading, to: CpuReading, orders: number): CpuSplit {
    const used = to.seconds.map((seconds, i) => seconds - from.seconds[i]!);
    const total = used.reduce((sum, seconds) => sum + seconds, 0);
    return {
      windowSeconds: round((to.at - from.at) / 1000, 1),
      processes: used.map((seconds, i) => ({
        process: this.names[i]!,
        cpuSeconds: round(seconds, 2),
        share: round(seconds / total, 3),
      })),
      totalCpuSeconds: round(total, 2),
      cpuSecondsPerOrder: round(total / orders, 3),
      elsewhereCpuSeconds: round(Math.max(0, to.machineBusy - from.machineBusy - total), 2),
    };
  }
}
