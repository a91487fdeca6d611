import { allCharges } from '@delivery/harness/ledger';
import type { CrashStack } from './crash-stack';
import { retriedActivities } from './retried-activities';
import type { CrashRun } from './scenario';

/** What a crash run did, in the counts CI prints and the suite checks. */
export interface CrashTally {
  endStates: Map<string, number>;
  succeededCharges: number;
  declinedCharges: number;
  refunds: number;
  /** Charges and refunds a kill interrupted, so they ran again (with the same idempotency key). */
  retried: {
    firstWaveCharges: number;
    secondWaveCharges: number;
    refunds: number;
    notifications: number;
  };
  /** Pushes a worker sent and died before reporting, so the next worker sent them again. */
  pushesSentAgain: number;
}

/** Counts the worker's `[notify] <orderId> <event>:` lines that repeat one before them. */
function pushesSentAgain(workerLog: string): number {
  const sent = workerLog.match(/\[notify\] \S+ \S+:/g) ?? [];
  return sent.length - new Set(sent).size;
}

export async function tallyCrashRun(stack: CrashStack, run: CrashRun): Promise<CrashTally> {
  const endStates = new Map<string, number>();
  for (const { state } of run.results.values())
    endStates.set(state, (endStates.get(state) ?? 0) + 1);

  const charges = await allCharges(stack.paymentsUrl);
  const succeeded = charges.filter((charge) => charge.status === 'succeeded');

  const retried = { firstWaveCharges: 0, secondWaveCharges: 0, refunds: 0, notifications: 0 };
  for (const planned of run.plan) {
    const attempts = await retriedActivities(run.handles.get(planned.orderId)!);
    const charge = attempts.get('chargeCustomer') ?? 0;
    if (planned.cohort === 'first') retried.firstWaveCharges += charge;
    else retried.secondWaveCharges += charge;
    retried.refunds += attempts.get('refundOrder') ?? 0;
    retried.notifications += attempts.get('sendPushNotification') ?? 0;
  }
  return {
    endStates,
    succeededCharges: succeeded.length,
    declinedCharges: charges.length - succeeded.length,
    refunds: succeeded.reduce((sum, charge) => sum + charge.refunds.data.length, 0),
    retried,
    pushesSentAgain: pushesSentAgain(stack.worker.log),
  };
}

export function printCrashReport(run: CrashRun, tally: CrashTally): void {
  const states = [...tally.endStates].map(([state, count]) => `${state} ${count}`).join(', ');
  const rated = run.plan.filter((planned) => planned.path === 'delivered and rated').length;
  const { retried } = tally;
  for (const line of [
    `${run.plan.length} orders in ${Math.round(run.durationMs / 1000)} s`,
    `end states: ${states}`,
    `ledger: ${tally.succeededCharges} charges, ${tally.refunds} refunds, ` +
      `${tally.declinedCharges} declined attempts`,
    `kills: ${run.kills.summary()}`,
    `retried after a kill: ${retried.firstWaveCharges} first-wave charges, ` +
      `${retried.secondWaveCharges} second-wave charges, ${retried.refunds} refunds`,
    `notifications retried: ${retried.notifications} (kills and injected push failures); ` +
      `sent again by a restarted worker: ${tally.pushesSentAgain}`,
    `rating delays cut by the worker kill: ${run.ratingSleepsInterrupted} of ${rated}`,
  ]) {
    console.log(`[crash] ${line}`);
  }
}
