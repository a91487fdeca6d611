import type { ManagedProcess } from './managed-process';

/** Log lines of a worker in trouble: a workflow task that failed (say, non-determinism), a crash. */
const TROUBLE =
  /Failing workflow task|Workflow task failed|Unhandled ?(promise )?rejection|Worker failed/i;

/**
 * What went wrong with a worker: exits beyond the `expectedExits` a test caused, and alarming log
 * lines. Empty when the worker ran as it should.
 */
export function workerTroubles(worker: ManagedProcess, expectedExits = 0): string[] {
  const exits =
    worker.exits.length === expectedExits
      ? []
      : [
          `exited ${worker.exits.length} times, ${expectedExits} expected: ${JSON.stringify(worker.exits)}`,
        ];
  return [...exits, ...worker.log.split('\n').filter((line) => TROUBLE.test(line))];
}
