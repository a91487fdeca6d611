import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManagedProcess, waitForHttp, type ProcessSpec } from './managed-process';
import { PORTS, localUrl } from './ports';
import { repoRoot } from './repo-root';
import { temporalAddress } from './temporal-server';

/* The product's own processes, as a test starts them: the payment sandbox, the worker, the sites. */

export const tempFile = (prefix: string, name: string): string =>
  join(mkdtempSync(join(tmpdir(), prefix)), name);

/**
 * The ORDER_EVENTS_* variables of a worker and the sites that read its events: the NATS broker at
 * `url`, or a new embedded events file. The other variable is set empty, so one left in the test
 * run's own environment cannot send a process elsewhere.
 */
export const orderEventsEnv = (url?: string): Record<string, string> =>
  url
    ? { ORDER_EVENTS_URL: url, ORDER_EVENTS_DB_PATH: '' }
    : { ORDER_EVENTS_URL: '', ORDER_EVENTS_DB_PATH: tempFile('order-events-', 'events.sqlite') };

/** One of the repo's Node apps, named for its folder, run from its source. */
const nodeApp = (
  app: 'payments' | 'worker',
  env: Record<string, string>,
  ready: ProcessSpec['ready'],
): ManagedProcess =>
  new ManagedProcess({
    name: app,
    // node --import tsx keeps one process, so a SIGKILL really kills the service.
    command: process.execPath,
    args: ['--import', 'tsx', join(repoRoot, 'apps', app, 'src/main.ts')],
    cwd: join(repoRoot, 'apps', app),
    env,
    ready,
  });

/** A payment sandbox; started again, it keeps its ledger and every charge in it. */
export function paymentsService(options: {
  port: number;
  env?: Record<string, string>;
}): ManagedProcess {
  return nodeApp(
    'payments',
    {
      PAYMENTS_PORT: String(options.port),
      PAYMENTS_DB_PATH: tempFile('ledger-', 'ledger.sqlite'),
      ...options.env,
    },
    () => waitForHttp(`${localUrl(options.port)}/health`),
  );
}

export function orderWorker(options: {
  taskQueue: string;
  paymentsUrl?: string;
  /** Defaults to TEMPORAL_ADDRESS: a suite that runs its own server passes that server's. */
  temporalAddress?: string;
  /** The stack's accounts database; a new empty one by default. */
  accountsDbPath?: string;
  /** Where it publishes order events (`orderEventsEnv`); a new embedded file by default. */
  orderEvents?: Record<string, string>;
  env?: Record<string, string>;
}): ManagedProcess {
  return nodeApp(
    'worker',
    {
      TEMPORAL_ADDRESS: options.temporalAddress ?? temporalAddress(),
      ACCOUNTS_DB_PATH: options.accountsDbPath ?? tempFile('accounts-', 'accounts.sqlite'),
      ...(options.orderEvents ?? orderEventsEnv()),
      TASK_QUEUE: options.taskQueue,
      PAYMENTS_URL: options.paymentsUrl ?? localUrl(PORTS.test.payments),
      // Kept across restarts of this worker, as a machine's disk would be.
      NOTIFICATIONS_DB_PATH: tempFile('notifications-', 'notifications.sqlite'),
      ...options.env,
    },
    async (worker) => {
      const offset = worker.log.length;
      // One line names both, in whichever order the log format puts them.
      await worker.waitForOutput(
        /Worker state changed.*RUNNING|RUNNING.*Worker state changed/,
        120_000,
        offset,
      );
    },
  );
}

export type SiteName = 'menu' | 'driver' | 'restaurant';

/** A production build of one of the sites (`next build` must have run), on a test port. */
export function nextSite(
  site: SiteName,
  options: {
    port: number;
    taskQueue: string;
    temporalAddress?: string;
    /** The stack's accounts database, shared with the other sites and the worker. */
    accountsDbPath: string;
    /** Where the worker publishes order events (`orderEventsEnv`), for the live pages. */
    orderEvents?: Record<string, string>;
    env?: Record<string, string>;
  },
): ManagedProcess {
  const cwd = join(repoRoot, 'apps', site);
  return new ManagedProcess({
    name: site,
    command: process.execPath,
    args: [
      createRequire(join(cwd, 'package.json')).resolve('next/dist/bin/next'),
      'start',
      '--port',
      String(options.port),
    ],
    cwd,
    env: {
      TEMPORAL_ADDRESS: options.temporalAddress ?? temporalAddress(),
      TASK_QUEUE: options.taskQueue,
      ACCOUNTS_DB_PATH: options.accountsDbPath,
      ...options.orderEvents,
      NODE_ENV: 'production',
      ...options.env,
    },
    ready: () =>
      waitForHttp(`${localUrl(options.port)}/api/trpc/${site === 'menu' ? 'products' : 'me'}`),
  });
}
