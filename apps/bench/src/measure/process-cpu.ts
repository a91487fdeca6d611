import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Kernel clock ticks per second: the unit of the CPU times in /proc/<pid>/stat. */
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;

interface ProcessTicks {
  parent: number;
  /** utime + stime of the process's own threads, and cutime + cstime of its children reaped. */
  ticks: number;
}

function readTicks(pid: number): ProcessTicks {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
  // From there, field 3 (state) is first: ppid is field 4, utime to cstime are fields 14 to 17.
  const fields = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  return { parent: fields[1]!, ticks: fields[11]! + fields[12]! + fields[13]! + fields[14]! };
}

/** Every process now, by pid. */
function allProcesses(): Map<number, ProcessTicks> {
  const processes = new Map<number, ProcessTicks>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      processes.set(Number(entry), readTicks(Number(entry)));
    } catch {
      // It ended between the listing and the read: its time is now in its parent's cutime.
    }
  }
  return processes;
}

/**
 * CPU seconds each of `roots` has used so far with all its descendants (a Next.js server forks
 * its own workers), from the kernel's accounting. A descendant that ends moves its time into its
 * parent's reaped-children times, so the difference of two readings stays right.
 */
export function cpuSecondsOfTrees(roots: number[]): number[] {
  const processes = allProcesses();
  const children = new Map<number, number[]>();
  for (const [pid, { parent }] of processes)
    children.set(parent, [...(children.get(parent) ?? []), pid]);
  return roots.map((root) => {
    let ticks = 0;
    for (const pending = [root]; pending.length > 0; ) {
      const pid = pending.pop()!;
      ticks += processes.get(pid)?.ticks ?? 0;
      pending.push(...(children.get(pid) ?? []));
    }
    return ticks / TICKS_PER_SECOND;
  });
}

/** CPU seconds the whole machine has spent busy (not idle, not waiting for I/O), all cores. */
export function machineBusySeconds(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = ticks.map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) / TICKS_PER_SECOND;
}

/** CPU seconds this process has used so far, all its threads (an in-process worker's too). */
export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}
