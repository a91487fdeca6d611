import { holdsByOrder, moneyByOrder, type Holds, type MoneyMoved } from '@delivery/harness/ledger';
import { measureConvergence, type Convergence } from './convergence';
import { publishStages, publishTimings, type PublishTiming } from './publish-timings';
import type { ScaleOutStack } from './scale-out-stack';
import type { ScaleOutRun, VisibilityWindow } from './scenario';

/** What a scale-out run did, in the figures CI prints and the suite checks. */
export interface ScaleOutTally {
  holds: Map<string, Holds>;
  money: Map<string, MoneyMoved>;
  convergence: Convergence;
  /** How the events of the slowest changes were published: `… Delivered: v7 asked 111.7 s, taken …`. */
  slowestPublishes: string[];
  /** Where the time of every order's events went, from the orders' histories. */
  publishStages: string;
  /** Calls the Temporal frontend answered over the whole run, by operation. */
  temporalCalls: Map<string, number>;
}

export async function tallyScaleOut(
  stack: ScaleOutStack,
  run: ScaleOutRun,
): Promise<ScaleOutTally> {
  const convergence = measureConvergence(run.pages.all, run.plan, run.results, run.startedAt);
  const seconds = (at: number | null) =>
    at === null ? 'never' : `${((at - run.startedAt) / 1000).toFixed(1)} s`;
  const timings = new Map<string, PublishTiming[]>();
  for (const { orderId } of run.plan)
    timings.set(orderId, await publishTimings(stack.client, orderId));
  const slowestPublishes = convergence.slowestChanges.map(
    ({ orderId, state, ended, changedAt }) => {
      const publish = timings
        .get(orderId)!
        .filter((timing) => (ended ? !timing.open : timing.state === state))
        .sort(
          (a, b) => Math.abs(a.scheduledAt - changedAt) - Math.abs(b.scheduledAt - changedAt),
        )[0];
      const what = `${orderId} ${ended ? 'ended ' : ''}${state}`;
      if (!publish) return `${what}: no event published`;
      return (
        `${what}: v${publish.version} asked ${seconds(publish.scheduledAt)}, ` +
        `taken ${seconds(publish.startedAt)} (attempt ${publish.attempts}), landed ${seconds(publish.landedAt)}`
      );
    },
  );
  return {
    holds: await holdsByOrder(
      stack.paymentsUrl,
      run.plan.map(({ orderId }) => orderId),
    ),
    money: await moneyByOrder(stack.paymentsUrl),
    convergence,
    slowestPublishes,
    publishStages: publishStages([...timings.values()].flat()),
    temporalCalls: await stack.cluster.frontendCalls(),
  };
}

const counted = (values: Iterable<string>): string => {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => `${value} ${count}`).join(', ');
};

const sum = <T>(values: Iterable<T>, count: (value: T) => number): number =>
  [...values].reduce((total, value) => total + count(value), 0);

/** The operations the frontend answered most, per order: `QueryWorkflow 9.1, …`. */
const perOrder = (calls: Map<string, number>, orders: number): string =>
  [...calls]
    .sort(([, a], [, b]) => b - a)
    .slice(0, 8)
    .map(([operation, count]) => `${operation} ${(count / orders).toFixed(1)}`)
    .join(', ');

const pagesPerReplica = ({ pagesPerReplica }: VisibilityWindow): string =>
  [...pagesPerReplica].map(([url, pages]) => `${new URL(url).port}: ${pages}`).join(', ');

/** `startupMs`: starting the cluster and the processes, before the first order. */
export function printScaleOutReport(run: ScaleOutRun, tally: ScaleOutTally, startupMs: number) {
  const { convergence, holds, money } = tally;
  const pages = run.pages.all;
  for (const line of [
    `${run.plan.length} orders by path: ${counted(run.plan.map(({ path }) => path))}`,
    `end states: ${counted([...run.results.values()].map(({ state }) => state))}`,
    `ledger: ${sum(holds.values(), (h) => h.authorized)} authorizations, ` +
      `${sum(holds.values(), (h) => h.captured)} captures, ` +
      `${sum(holds.values(), (h) => h.released)} releases, ` +
      `${sum(money.values(), (m) => m.refunds)} refunds`,
    `kills: ${run.kills.summary()}`,
    `Visibility calls per minute: ${run.oneReplica.callsPerMinute} with one replica per site ` +
      `(pages by port ${pagesPerReplica(run.oneReplica)}), ${run.twoReplicas.callsPerMinute} ` +
      `with two (${pagesPerReplica(run.twoReplicas)})`,
    `live pages: ${pages.length} pages, ${convergence.pairs} page-order pairs; lag p95 ` +
      `${convergence.p95Ms} ms, max ${convergence.maxMs} ms; ` +
      `${sum(pages, (page) => page.live.drops)} dropped connections made again; ` +
      `${convergence.missing.length} never shown`,
    `slowest: ${convergence.slowest.join('; ')}`,
    `their pages' connections: ${convergence.slowestPages.join('; ')}`,
    `their events: ${tally.slowestPublishes.join('; ')}`,
    `every event: ${tally.publishStages}`,
    `Temporal calls per order: ${perOrder(tally.temporalCalls, run.plan.length)}`,
    `duration: ${Math.round((startupMs + run.durationMs) / 1000)} s: ` +
      `${Math.round(startupMs / 1000)} s to start, ${Math.round(run.durationMs / 1000)} s of orders`,
  ]) {
    console.log(`[scale-out] ${line}`);
  }
}
