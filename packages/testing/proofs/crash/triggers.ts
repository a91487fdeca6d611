import type { Client } from '@temporalio/client';
import { allCharges, holdsByOrder, type Holds } from '@delivery/harness/ledger';

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
