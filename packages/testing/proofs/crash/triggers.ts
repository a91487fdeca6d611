import type { Client } from '@temporalio/client';
import { allCharges } from '@delivery/harness/ledger';

/** Polls `check` until it holds: the suite times each kill on what the ledger or Temporal shows. */
export async function until(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`never saw ${what} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The ledger holds charges (declined ones too) for at least `atLeast` of `orderIds`. */
export const chargesRecorded =
  (paymentsUrl: string, orderIds: Set<string>, atLeast = 1) =>
  async (): Promise<boolean> =>
    (await allCharges(paymentsUrl)).filter((charge) => orderIds.has(charge.order_id)).length >=
    atLeast;

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
