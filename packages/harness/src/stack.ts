import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection, type ClientOptions } from '@temporalio/client';
import { ManagedProcess, waitForHttp } from './managed-process';
import { portAnswers } from './ports';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Ports of the test stack, apart from the dev ports so `pnpm dev` and tests can run together. */
export const TEST_PORTS = {
  temporal: 7243,
  temporalUi: 8243,
  payments: 4243,
  menu: 3100,
  driver: 3101,
};

export const temporalAddress = (): string =>
  process.env.TEMPORAL_ADDRESS ?? `127.0.0.1:${TEST_PORTS.temporal}`;

/**
 * A Temporal dev server for tests: in memory unless `db` is given (then it survives a restart).
 * The CLI binary itself is the process, so a SIGKILL takes the server down for real.
 */
export function temporalServer(
  options: { port?: number; db?: string; metricsPort?: number } = {},
): ManagedProcess {
  const port = options.port ?? TEST_PORTS.temporal;
  const flags = [
    '--port',
    String(port),
    ...(options.db ? ['--db', options.db] : ['--ephemeral']),
    ...(options.metricsPort ? ['--metrics-port', String(options.metricsPort)] : []),
  ];
  const { cli, args } = JSON.parse(
    execFileSync(process.execPath, [join(repoRoot, 'scripts/temporal.mjs'), 'command', ...flags], {
      encoding: 'utf8',
    }),
  ) as { cli: string; args: string[] };
  return new ManagedProcess({
    name: 'temporal',
    command: cli,
    args,
    cwd: repoRoot,
    ready: async () => {
      await waitUntil(() => portAnswers(`127.0.0.1:${port}`), 120_000, `Temporal on port ${port}`);
      // The port opens before the frontend serves: wait for a real answer.
      await waitUntil(
        async () => {
          try {
            const connection = await Connection.connect({
              address: `127.0.0.1:${port}`,
              connectTimeout: 2_000,
            });
            await connection.healthService.check({});
            await connection.close();
            return true;
          } catch {
            return false;
          }
        },
        60_000,
        `Temporal health on port ${port}`,
      );
    },
  });
}

async function waitUntil(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} not ready within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function paymentsService(
  options: { port?: number; dbPath?: string; env?: Record<string, string> } = {},
): ManagedProcess {
  const port = options.port ?? TEST_PORTS.payments;
  const dbPath = options.dbPath ?? join(mkdtempSync(join(tmpdir(), 'ledger-')), 'ledger.sqlite');
  return new ManagedProcess({
    name: 'payments',
    // node --import tsx keeps one process, so a SIGKILL really kills the service.
    command: process.execPath,
    args: ['--import', 'tsx', join(repoRoot, 'apps/payments/src/main.ts')],
    cwd: join(repoRoot, 'apps/payments'),
    env: { PAYMENTS_PORT: String(port), PAYMENTS_DB_PATH: dbPath, ...options.env },
    ready: () => waitForHttp(`http://127.0.0.1:${port}/health`),
  });
}

export function orderWorker(options: {
  taskQueue: string;
  /** Kept across restarts of this worker, as a machine's disk would be. */
  notificationsDbPath?: string;
  paymentsUrl?: string;
  /** Defaults to TEMPORAL_ADDRESS: a suite that runs its own server passes that server's. */
  temporalAddress?: string;
  env?: Record<string, string>;
}): ManagedProcess {
  return new ManagedProcess({
    name: 'worker',
    command: process.execPath,
    args: ['--import', 'tsx', join(repoRoot, 'apps/worker/src/main.ts')],
    cwd: join(repoRoot, 'apps/worker'),
    env: {
      TEMPORAL_ADDRESS: options.temporalAddress ?? temporalAddress(),
      TASK_QUEUE: options.taskQueue,
      PAYMENTS_URL: options.paymentsUrl ?? `http://127.0.0.1:${TEST_PORTS.payments}`,
      NOTIFICATIONS_DB_PATH:
        options.notificationsDbPath ??
        join(mkdtempSync(join(tmpdir(), 'notifications-')), 'notifications.sqlite'),
      ...options.env,
    },
    ready: async (worker) => {
      const offset = worker.log.length;
      await worker.waitForOutput(/Worker state changed[\s\S]*?RUNNING/, 120_000, offset);
    },
  });
}

export async function temporalClient(
  address = temporalAddress(),
  workflow?: ClientOptions['workflow'],
): Promise<{ client: Client; close: () => Promise<void> }> {
  const connection = await Connection.connect({ address });
  return {
    client: new Client({ connection, namespace: 'default', workflow }),
    close: () => connection.close(),
  };
}

export const uniqueTaskQueue = (suite: string): string =>
  `${suite}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

export type SiteName = 'menu' | 'driver';

/** A production build of one of the sites (`next build` must have run), on a test port. */
export function nextSite(
  site: SiteName,
  options: { port?: number; taskQueue: string; env?: Record<string, string> },
): ManagedProcess {
  const port = options.port ?? TEST_PORTS[site];
  const cwd = join(repoRoot, 'apps', site);
  return new ManagedProcess({
    name: site,
    command: process.execPath,
    args: [
      createRequire(join(cwd, 'package.json')).resolve('next/dist/bin/next'),
      'start',
      '--port',
      String(port),
    ],
    cwd,
    env: {
      TEMPORAL_ADDRESS: temporalAddress(),
      TASK_QUEUE: options.taskQueue,
      NODE_ENV: 'production',
      ...options.env,
    },
    ready: () =>
      waitForHttp(`http://127.0.0.1:${port}/api/trpc/${site === 'menu' ? 'products' : 'me'}`),
  });
}
