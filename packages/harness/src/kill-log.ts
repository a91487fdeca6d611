import type { ManagedProcess } from '@delivery/harness/managed-process';

export interface Kill {
  target: string;
  step: string;
  /** Since the run began. */
  atMs: number;
}

/** SIGKILLs processes mid-step, starts them again, and remembers which step each kill hit. */
export class KillLog {
  readonly kills: Kill[] = [];

  constructor(private readonly startedAt = Date.now()) {}

  /**
   * SIGKILLs `process` while `step` is in flight, runs `whileDown`, then starts it again.
   * Resolves with the log offset where the new process's output begins.
   */
  async kill(
    process: ManagedProcess,
    step: string,
    whileDown?: () => Promise<void>,
  ): Promise<number> {
    await process.stop('SIGKILL');
    this.kills.push({ target: process.spec.name, step, atMs: Date.now() - this.startedAt });
    await whileDown?.();
    const restartedAt = process.log.length;
    await process.start();
    return restartedAt;
  }

  count(target: string): number {
    return this.kills.filter((kill) => kill.target === target).length;
  }

  /** `worker 5 (charging at 3 s, ...), payments 1 (charging at 14 s)` */
  summary(): string {
    const steps = new Map<string, string[]>();
    for (const { target, step, atMs } of this.kills) {
      steps.set(target, [...(steps.get(target) ?? []), `${step} at ${Math.round(atMs / 1000)} s`]);
    }
    return [...steps]
      .map(([target, hit]) => `${target} ${hit.length} (${hit.join(', ')})`)
      .join(', ');
  }
}
