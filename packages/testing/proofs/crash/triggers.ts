import type { Client } from '@temporalio/client';
import { allCharges, holdsByOrder, type Holds } from '@delivery/harness/ledger';

/** Polls `check` until it holds: the suite times each kill on what the ledger or Temporal shows. */
export async function until(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 120_000,
  intervalMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`never saw ${what} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** At least `atLeast` of `orderIds` have a hold that `reached` says has got there. */
export const holdsRecorded =
  (paymentsUrl: string, orderIds: Set<string>, reached: (holds: Holds) => boolean, atLeast = 1) =>
  async (): Promise<boolean> =>
    [...(await holdsByOrder(paymentsUrl, orderIds)).values()].filter(reached).length >= atLeast;

export const authorized = (holds: Holds) => holds.authorized > 0;
export const captured = (holds: Holds) => holds.captured > 0;
export const released = (holds: Holds) => holds.released > 0;

/** The ledger holds refunds for at least `atLeast` of `orderIds`. */
export const refundsRecorded =
  (paymentsUrl: string, orderIds: Set<string>, atLeast = 1) =>
  async (): Promise<boolean> =>
    (await allCharges(paymentsUrl)).filter(
      (charge) => orderIds.has(charge.order_id) && charge.refunded,
    ).length >= atLeast;

/** Visibility reports exactly `expected` workflows for `query`; no worker needs to be up. */
export const workflowsCounted =
  (client: Client, query: string, expected: number) => async (): Promise<boolean> =>
    (await client.workflow.count(query)).count === expected;
