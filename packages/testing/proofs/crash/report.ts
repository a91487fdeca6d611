import { allCharges, holdsByOrder, type Holds } from '@delivery/harness/ledger';
import type { CrashStack } from './crash-stack';
import { CUTS, type CutName } from './cuts';
import { retriedActivities } from './retried-activities';
import type { CrashRun } from './scenario';

/** What the payment sandbox's ledger holds at the end of the run; `orders` it knows of. */
export interface LedgerTotals {
  orders: number;
  authorizations: number;
  captures: number;
  releases: number;
  refunds: number;
  declinedAttempts: number;
}

/** What a crash run did, in the counts CI prints and the suite checks. */
export interface CrashTally {
  endStates: Map<string, number>;
  holds: Map<string, Holds>;
  ledger: LedgerTotals;
  /** Per money step a kill was timed on, the calls that kill cut, so they ran again. */
  cut: Record<CutName, number>;
  /** Notifications retried, after a kill or an injected push failure. */
  notificationsRetried: number;
  /** Pushes a worker sent and died before reporting, so the next worker sent them again. */
  pushesSentAgain: number;
}

/** Counts the worker's `[notify] <orderId> <event>:` lines that repeat one before them. */
function pushesSentAgain(workerLog: string): number {
  const sent = workerLog.match(/\[notify\] \S+ \S+:/g) ?? [];
  return sent.length - new Set(sent).size;
}

async function ledgerTotals(stack: CrashStack, holds: Map<string, Holds>): Promise<LedgerTotals> {
  const sum = (count: (holds: Holds) => number) =>
    [...holds.values()].reduce((total, hold) => total + count(hold), 0);
  const charges = await allCharges(stack.paymentsUrl);
  const succeeded = charges.filter((charge) => charge.status === 'succeeded');
  const heldFor = [...holds].filter(([, hold]) => hold.authorized > 0).map(([orderId]) => orderId);
  return {
    orders: new Set([...heldFor, ...charges.map((charge) => charge.order_id)]).size,
    authorizations: sum((hold) => hold.authorized),
    captures: sum((hold) => hold.captured),
    releases: sum((hold) => hold.released),
    refunds: succeeded.reduce((total, charge) => total + charge.refunds.data.length, 0),
    declinedAttempts: charges.length - succeeded.length,
  };
}

export async function tallyCrashRun(stack: CrashStack, run: CrashRun): Promise<CrashTally> {
  const endStates = new Map<string, number>();
  for (const { state } of run.results.values())
    endStates.set(state, (endStates.get(state) ?? 0) + 1);

  const cut = Object.fromEntries(Object.keys(CUTS).map((name) => [name, 0])) as CrashTally['cut'];
  let notificationsRetried = 0;
  for (const planned of run.plan) {
    const retried = await retriedActivities(run.handles.get(planned.orderId)!);
    for (const [name, { activity, of }] of Object.entries(CUTS) as [
      CutName,
      (typeof CUTS)[CutName],
    ][]) {
      if (of(planned)) cut[name] += retried.get(activity) ?? 0;
    }
    notificationsRetried += retried.get('sendPushNotification') ?? 0;
  }
  const holds = await holdsByOrder(
    stack.paymentsUrl,
    run.plan.map(({ orderId }) => orderId),
  );
  return {
    endStates,
    holds,
    ledger: await ledgerTotals(stack, holds),
    cut,
    notificationsRetried,
    pushesSentAgain: pushesSentAgain(stack.worker.log),
  };
}

export function printCrashReport(run: CrashRun, tally: CrashTally): void {
  const states = [...tally.endStates].map(([state, count]) => `${state} ${count}`).join(', ');
  const rated = run.plan.filter((planned) => planned.path === 'delivered and rated').length;
  const { ledger } = tally;
  const cuts = Object.entries(tally.cut)
    .map(([name, count]) => `${count} ${name}`)
    .join(', ');
  for (const line of [
    `${run.plan.length} orders in ${Math.round(run.durationMs / 1000)} s`,
    `end states: ${states}`,
    `ledger: ${ledger.orders} orders, ${ledger.authorizations} authorizations, ` +
      `${ledger.captures} captures, ${ledger.releases} releases, ${ledger.refunds} refunds, ` +
      `${ledger.declinedAttempts} declined attempts`,
    `kills: ${run.kills.summary()}`,
    `retried after a kill: ${cuts}`,
    `notifications retried: ${tally.notificationsRetried} (kills and injected push failures); ` +
      `sent again by a restarted worker: ${tally.pushesSentAgain}`,
    `rating delays cut by the worker kill: ${run.ratingSleepsInterrupted} of ${rated}`,
  ]) {
    console.log(`[crash] ${line}`);
  }
}
