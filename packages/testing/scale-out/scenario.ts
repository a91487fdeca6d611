import { performance } from 'node:perf_hooks';
import { isEnded } from '@delivery/common';
import { retryTransient } from '@delivery/harness/retry';
import type { order as orderWorkflow } from '@delivery/workflows';
import { workflowIdOf, type OrderResult } from '@delivery/workflows/contract';
import { KillLog } from '@delivery/harness/kill-log';
import { until } from '@delivery/harness/until';
import { Actors } from './actors';
import { measureConvergence } from './convergence';
import { Pages } from './pages';
import { PATHS, planOrders, type PathName, type PlannedOrder } from './plan';
import { SITE_NAMES, type ScaleOutStack } from './scale-out-stack';
import { KILL_PHASE_MS, VISIBILITY_WINDOW_MS } from './settings';
import { openSessions } from './site-users';

export interface VisibilityWindow {
  callsPerMinute: number;
  /** Live pages per replica while the window counted. */
  pagesPerReplica: Map<string, number>;
}

export interface ScaleOutRun {
  plan: PlannedOrder[];
  /** Actions a customer, the kitchen or a driver could not get through. */
  journeyFailures: string[];
  results: Map<string, OrderResult>;
  pages: Pages;
  kills: KillLog;
  oneReplica: VisibilityWindow;
  twoReplicas: VisibilityWindow;
  /** When the first session opened (Date.now()): the kills' and the pages' times count from it. */
  startedAt: number;
  durationMs: number;
}

const PATH_NAMES = Object.keys(PATHS) as PathName[];
/** Each wave, the customers of its first orders of two paths keep their order pages open. */
const ORDER_PAGES_PER_WAVE = 2;
/** How long after the last change every page may take to catch up before the suite looks. */
const PAGES_CATCH_UP_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Visibility calls per minute the cluster answered over `windowMs` of whatever runs now. */
async function visibilityWindow(stack: ScaleOutStack, pages: Pages): Promise<VisibilityWindow> {
  const before = await stack.cluster.visibilityCalls();
  const startedAt = performance.now();
  await sleep(VISIBILITY_WINDOW_MS);
  const pagesPerReplica = pages.spread();
  const calls = (await stack.cluster.visibilityCalls()) - before;
  const callsPerMinute = (calls * 60_000) / (performance.now() - startedAt);
  return { callsPerMinute: Math.round(callsPerMinute * 10) / 10, pagesPerReplica };
}

/**
 * Runs every planned order through its path over the sites' HTTP API while live pages watch:
 * two waves with one replica per site and two with two, each while Visibility calls are counted,
 * then two while a worker, one replica of each site and the broker are SIGKILLed in turn and
 * started again. Ends once every order has ended and every page has had time to show it.
 */
export async function runScaleOut(stack: ScaleOutStack): Promise<ScaleOutRun> {
  const startedAt = Date.now();
  const plan = planOrders();
  const sessions = await openSessions(stack.sites);
  const actors = new Actors(stack.sites, sessions);
  const pages = new Pages(stack.streams, sessions);
  pages.openLists();
  await until(
    async () => pages.all.every((page) => page.live.connections > 0),
    'every page connected',
    30_000,
    20,
  );

  const journeys: Array<Promise<void>> = [];
  const journeyFailures: string[] = [];
  const placed: string[] = [];
  const journey = async (order: PlannedOrder, withPage: boolean) => {
    await actors.place(order);
    placed.push(order.orderId);
    if (withPage) pages.openOrder(order);
    await actors.follow(order);
  };
  /** Starts the waves' orders spread evenly over `overMs`, each following its path on its own. */
  const startWaves = async (waves: number[], overMs: number) => {
    const orders = plan.filter((order) => waves.includes(order.wave));
    for (const wave of waves) {
      const inWave = orders.filter((order) => order.wave === wave);
      const withPage = new Set(
        Array.from({ length: ORDER_PAGES_PER_WAVE }, (_, i) => {
          const path = PATH_NAMES[(wave * ORDER_PAGES_PER_WAVE + i) % PATH_NAMES.length];
          return inWave.find((order) => order.path === path)!.orderId;
        }),
      );
      for (const order of inWave) {
        journeys.push(
          journey(order, withPage.has(order.orderId)).catch((error: unknown) => {
            journeyFailures.push(error instanceof Error ? error.message : String(error));
          }),
        );
        await sleep(overMs / orders.length);
      }
    }
  };

  const oneReplica = (
    await Promise.all([
      visibilityWindow(stack, pages),
      startWaves([0, 1], VISIBILITY_WINDOW_MS * 0.8),
    ])
  )[0];

  await stack.addSecondReplicas();
  await pages.rebalance();
  const twoReplicas = (
    await Promise.all([
      visibilityWindow(stack, pages),
      startWaves([2, 3], VISIBILITY_WINDOW_MS * 0.8),
    ])
  )[0];

  const kills = new KillLog(startedAt);
  /** Orders placed and not ended, as their customers' lists show them. */
  const inFlight = () => {
    const states = pages.customersView();
    const open = placed.filter((orderId) => !isEnded(states.get(orderId) ?? 'Authorizing card'));
    return `${open.length} orders open`;
  };
  const killInTurn = async () => {
    await sleep(5_000);
    await kills.kill(stack.workers[0]!, inFlight());
    for (const site of SITE_NAMES)
      await stack.killFirstReplica(site, (replica) => kills.kill(replica, inFlight()));
    await kills.kill(stack.broker, inFlight());
  };
  await Promise.all([startWaves([4, 5], KILL_PHASE_MS), killInTurn()]);

  await Promise.all(journeys);
  const results = new Map<string, OrderResult>();
  for (const { orderId } of plan) {
    const handle = stack.client.workflow.getHandle<typeof orderWorkflow>(workflowIdOf(orderId));
    results.set(orderId, await retryTransient(() => handle.result(), 180_000));
  }
  await until(
    async () => measureConvergence(pages.all, plan, results, startedAt).missing.length === 0,
    'every page showing every order it must',
    PAGES_CATCH_UP_MS,
    250,
  ).catch(() => undefined); // the suite's assertions name what a page never showed
  await pages.closeAll();
  return {
    plan,
    journeyFailures,
    results,
    pages,
    kills,
    oneReplica,
    twoReplicas,
    startedAt,
    durationMs: Date.now() - startedAt,
  };
}
