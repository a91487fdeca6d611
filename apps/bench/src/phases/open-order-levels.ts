import type { Client } from '@temporalio/client';
import type { ManagedProcess } from '@delivery/harness/managed-process';
import { Driver } from '../actors/driver';
import { Kitchen } from '../actors/kitchen';
import { pidOf } from '../bench-stack';
import { BENCH_DRIVERS, SAMPLES } from '../config';
import { countOpenOrders, openOrders } from '../orders/open-orders';
import { progress } from '../progress';
import { measureBoard, type BoardLatency } from './board';
import { measureLiveUpdates, type LiveUpdates } from './live-updates';
import { measurePageCost, type PageCost } from './page-cost';
import { measureWorkerMemory, type WorkerMemory } from './worker-memory';

export interface OpeningRate {
  openOrders: number;
  /** Orders started and readied per second on the way up to `openOrders`. */
  ordersPerSecond: number;
}

/** A level of open orders the run could not reach, and how far it got. */
export interface LevelNotReached {
  openOrders: number;
  reached: number;
  reason: string;
}

export interface OpenOrderLevels {
  opening: OpeningRate[];
  board: BoardLatency[];
  workerMemory: WorkerMemory[];
  liveUpdates: LiveUpdates;
  pageCost: PageCost[];
  notReached: LevelNotReached | null;
}

const count = (n: number): string => n.toLocaleString('en');

/**
 * Raises the open orders level by level, measuring the board (and, at some levels, the worker's
 * memory, live updates and the cost of open pages) at each. A level above the live-update one
 * that cannot be reached is recorded, not fatal: what the run measured up to it still counts.
 */
export async function measureOpenOrderLevels(
  worker: ManagedProcess,
  client: Client,
): Promise<OpenOrderLevels> {
  const workerMemory = [await measureWorkerMemory(pidOf(worker), 0)];
  const boardDriver = await Driver.signIn(BENCH_DRIVERS.board);
  const kitchen = new Kitchen(client);
  const opening: OpeningRate[] = [];
  const board: BoardLatency[] = [];
  let liveUpdates: LiveUpdates | undefined;
  let pageCost: PageCost[] = [];
  let notReached: LevelNotReached | null = null;

  for (const level of SAMPLES.boardOpenOrders) {
    progress(`opening orders up to ${count(level)} (started with the client, 100 at a time)...`);
    try {
      opening.push({
        openOrders: level,
        ordersPerSecond: Math.round((await openOrders(client, level)) * 10) / 10,
      });
    } catch (error) {
      if (level <= SAMPLES.liveAtOpenOrders) throw error;
      notReached = {
        openOrders: level,
        reached: await countOpenOrders(client),
        reason: String(error),
      };
      progress(`  could not reach ${count(level)} open orders: ${notReached.reason}`);
      if (worker.running)
        workerMemory.push(await measureWorkerMemory(pidOf(worker), notReached.reached));
      break;
    }
    progress(
      `  ${count(level)} open (${opening.at(-1)!.ordersPerSecond} orders/s started and readied)`,
    );

    if ((SAMPLES.memoryOpenOrders as readonly number[]).includes(level)) {
      workerMemory.push(await measureWorkerMemory(pidOf(worker), level));
      progress(`  worker resident memory ${workerMemory.at(-1)!.residentMiB} MiB`);
    }
    const levelBoard = await measureBoard(boardDriver, level);
    board.push(levelBoard);
    progress(
      `  board p50 ${levelBoard.latency.p50} ms, p95 ${levelBoard.latency.p95} ms, ` +
        `${levelBoard.temporalCallsPerRefresh} Temporal calls per refresh`,
    );

    if (level === SAMPLES.liveAtOpenOrders) {
      progress("driver's actions until the customer's open page shows them...");
      liveUpdates = await measureLiveUpdates(
        await Driver.signIn(BENCH_DRIVERS.live),
        kitchen,
        level,
      );
      progress(
        `  p50 ${liveUpdates.seenByCustomer.p50} ms, p95 ${liveUpdates.seenByCustomer.p95} ms`,
      );
      progress(
        `Temporal calls per minute with ${SAMPLES.pageCounts.join(', ')} open order pages...`,
      );
      pageCost = await measurePageCost(kitchen);
    }
  }
  if (!liveUpdates)
    throw new Error('SAMPLES.liveAtOpenOrders must be one of SAMPLES.boardOpenOrders');
  return { opening, board, workerMemory, liveUpdates, pageCost, notReached };
}
