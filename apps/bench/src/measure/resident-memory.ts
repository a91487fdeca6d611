import { readFileSync } from 'node:fs';

export interface ResidentMemory {
  /** Resident set now (VmRSS), MiB. */
  residentMiB: number;
  /** Highest resident set since the process started (VmHWM), MiB. */
  peakMiB: number;
}

/** A process's memory from Linux's /proc/<pid>/status. */
export function residentMemory(pid: number): ResidentMemory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mib = (field: string): number => {
    const kib = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
    if (!kib) throw new Error(`no ${field} for process ${pid}`);
    return Math.round(Number(kib) / 1024);
  };
  return { residentMiB: mib('VmRSS'), peakMiB: mib('VmHWM') };
}
