import { residentMemory, type ResidentMemory } from '../measure/resident-memory';
import { sleep } from '../sleep';

export interface WorkerMemory extends ResidentMemory {
  openOrders: number;
}

/** Lets the worker finish the last notifications of newly opened orders before reading it. */
const SETTLE_MS = 5_000;

export async function measureWorkerMemory(
  workerPid: number,
  openOrders: number,
): Promise<WorkerMemory> {
  await sleep(SETTLE_MS);
  return { openOrders, ...residentMemory(workerPid) };
}
