import { sleep } from '../sleep';

/**
 * A customer and a driver delivering one order after another, through the product or through the
 * ceiling: the throughput phase drives both alike. `deliverOne` answers the driver's refused taps.
 */
export interface OrderPair {
  deliverOne(): Promise<number>;
}

/** Makes the `pair`-th (from 1) of `concurrency` pairs. */
export type OrderPairs = (concurrency: number, pair: number) => Promise<OrderPair>;

const FIRST_RETAP_MS = 25;
const LONGEST_RETAP_MS = 400;
const READY_TIMEOUT_MS = 30_000;

/**
 * An instant driver: taps "Pick up" as soon as the order exists. Until the kitchen has readied it
 * the order refuses (`tap` answers false; each refused request is a signal in the order's
 * history), so it taps again, backing off so that waiting drivers do not load the worker.
 * Returns the refused taps.
 */
export async function pickUpWhenReady(tap: () => Promise<boolean>): Promise<number> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (
    let refused = 0, wait = FIRST_RETAP_MS;
    ;
    refused += 1, wait = Math.min(wait * 2, LONGEST_RETAP_MS)
  ) {
    if (await tap()) return refused;
    if (Date.now() > deadline)
      throw new Error(`not ready for pickup within ${READY_TIMEOUT_MS} ms`);
    await sleep(wait);
  }
}
