import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statesVisited } from '@delivery/harness/orders';
import { workerTroubles } from '@delivery/harness/worker-health';
import { workflowTaskFailures } from '@delivery/harness/workflow-health';
import { RATING } from './actors';
import { PATHS } from './plan';
import { printScaleOutReport, tallyScaleOut, type ScaleOutTally } from './report';
import { startScaleOutStack, type ScaleOutStack } from './scale-out-stack';
import { runScaleOut, type ScaleOutRun } from './scenario';
import { CONVERGENCE_P95_MS } from './settings';

let stack: ScaleOutStack;
let run: ScaleOutRun;
let tally: ScaleOutTally;

beforeAll(async () => {
  const startedAt = Date.now();
  stack = await startScaleOutStack();
  const startupMs = Date.now() - startedAt;
  run = await runScaleOut(stack);
  tally = await tallyScaleOut(stack, run);
  printScaleOutReport(run, tally, startupMs);
}, 600_000);

afterAll(() => stack?.stop());

describe('orders on a Temporal cluster, two workers and two replicas of each site, through SIGKILLs', () => {
  it('gets every action of every path through, whichever replica or worker was down', () => {
    expect(run.journeyFailures).toEqual([]);
  });

  it('ends every order exactly where its path leads, as Temporal returns it', () => {
    for (const { orderId, path } of run.plan) {
      const result = run.results.get(orderId)!;
      const label = `${path} order ${orderId}`;
      expect(statesVisited(result), label).toEqual(PATHS[path].states);
      expect(result.money, label).toBe(PATHS[path].money);
      expect(result.open, label).toBe(false);
      if (path === 'delivered and rated') expect(result.rating, label).toMatchObject(RATING);
    }
  });

  it("charges nothing twice and leaves every card's hold where its path leads", () => {
    for (const { orderId, path } of run.plan) {
      const label = `${path} order ${orderId}`;
      expect(tally.holds.get(orderId), label).toEqual(PATHS[path].holds);
      expect(tally.money.get(orderId) ?? { charges: 0, refunds: 0 }, label).toEqual(
        PATHS[path].moved,
      );
    }
    const planned = new Set(run.plan.map(({ orderId }) => orderId));
    expect([...tally.money.keys()].filter((orderId) => !planned.has(orderId))).toEqual([]);
  });

  it('killed a worker, one replica of each site and the broker while orders were in flight', () => {
    for (const target of ['worker', 'menu', 'driver', 'restaurant', 'nats'])
      expect(run.kills.count(target), target).toBe(1);
  });

  it('brings every live page to every order it must show, on whichever replica it reconnected to', () => {
    expect(tally.convergence.missing).toEqual([]);
    expect(
      run.pages.all.flatMap(({ label, live }) => live.errors.map((e) => `${label}: ${e}`)),
    ).toEqual([]);
  });

  it('shows the changes on the live pages within 2 s (p95)', () => {
    expect(tally.convergence.p95Ms).toBeLessThanOrEqual(CONVERGENCE_P95_MS);
  });

  it('makes no more Visibility calls per minute with two replicas per site than with one', () => {
    // Both replicas of every site served live pages while the calls were counted.
    expect(run.twoReplicas.pagesPerReplica.size).toBe(6);
    expect(run.twoReplicas.callsPerMinute).toBeLessThanOrEqual(
      run.oneReplica.callsPerMinute * 1.2 + 1,
    );
  });

  it('never fails a workflow task, whatever was killed', async () => {
    expect(await workflowTaskFailures(stack.client, stack.taskQueue)).toEqual([]);
    const [killed, survivor] = stack.workers;
    expect(workerTroubles(killed!, run.kills.count('worker'))).toEqual([]);
    expect(workerTroubles(survivor!, 0)).toEqual([]);
  });
});
