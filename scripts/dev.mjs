#!/usr/bin/env node
// The whole product on one machine: Temporal dev server, payment sandbox, worker and the
// three sites, with prefixed logs and a progress line for each slow step. Ctrl-C stops everything.
// Runs the apps directly (not through a package manager), so `npm run dev` and `pnpm dev` behave
// the same and a stop prints no package-manager errors.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startDevServer } from './temporal.mjs';
import { devPushEnv } from './vapid-keys.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SITES = {
  menu: 'http://localhost:3000',
  driver: 'http://localhost:3001',
  restaurant: 'http://localhost:3002',
};
const COLOURS = { payments: 33, worker: 35, menu: 36, driver: 32, restaurant: 34 };

const nextBin = (app) =>
  createRequire(join(root, 'apps', app, 'package.json')).resolve('next/dist/bin/next');

/** Each app as its `dev` script runs it. */
const APPS = {
  payments: [process.execPath, ['--import', 'tsx', '--watch', 'src/main.ts']],
  worker: [process.execPath, ['--import', 'tsx', '--watch', 'src/main.ts']],
  menu: [process.execPath, [nextBin('menu'), 'dev', '--port', '3000']],
  driver: [process.execPath, [nextBin('driver'), 'dev', '--port', '3001']],
  restaurant: [process.execPath, [nextBin('restaurant'), 'dev', '--port', '3002']],
};

const step = (line) => console.log(`[dev] ${line}`);

/** Demo staff accounts are for local runs only: their password is in DESIGN.md. */
const DEMO_ACCOUNTS = process.env.NODE_ENV !== 'production';

/** Adds the demo accounts to the accounts database, if missing (`pnpm accounts seed-demo`). */
function seedDemoAccounts() {
  const seeded = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'packages/accounts/src/cli.ts'), 'seed-demo'],
    { cwd: root, env: process.env, encoding: 'utf8' },
  );
  if (seeded.status !== 0) throw new Error(`seeding the demo accounts failed: ${seeded.stderr}`);
}
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

function prefixed(name, stream) {
  const prefix = process.stdout.isTTY ? `\x1b[${COLOURS[name]}m${name}\x1b[0m` : name;
  createInterface({ input: stream }).on('line', (line) => console.log(`${prefix} | ${line}`));
}

function startApp(name, appEnv = {}) {
  const [command, args] = APPS[name];
  const child = spawn(command, args, {
    cwd: join(root, 'apps', name),
    stdio: ['ignore', 'pipe', 'pipe'],
    // Piped output is not a terminal: keep colours when ours is one, none when it is not.
    env: {
      ...process.env,
      ...appEnv,
      ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : { NO_COLOR: '1' }),
    },
  });
  prefixed(name, child.stdout);
  prefixed(name, child.stderr);
  return child;
}

async function answers(url) {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(120_000) })).status < 500;
  } catch {
    return false;
  }
}

/** Next compiles a page on its first request: ask for each once, so the first visit is quick. */
async function compileSites() {
  const started = Date.now();
  step('compiling the sites (first run: about a minute)…');
  for (;;) {
    const up = await Promise.all(Object.values(SITES).map(answers));
    if (up.every(Boolean)) break;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  step(`sites ready in ${seconds(started)}`);
  console.log(
    [
      '',
      '  Durable Delivery is running',
      `  Menu (customers)   ${SITES.menu}`,
      `  Restaurant         ${SITES.restaurant}`,
      `  Driver             ${SITES.driver}`,
      '  Temporal UI        http://localhost:8233',
      ...(DEMO_ACCOUNTS
        ? [
            '  Demo staff (password delivery-demo): drivers dana@example.com, sam@example.com;',
            '    restaurant kitchen@example.com. `pnpm accounts add` adds your own.',
          ]
        : []),
      '  Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

async function main() {
  const started = Date.now();
  // Every site and the worker share one accounts database (staff, sessions, throttling).
  process.env.ACCOUNTS_DB_PATH ||= join(root, '.data', 'accounts.sqlite');
  // The worker publishes each order's changes to one file the sites read, unless a NATS broker
  // is named (ORDER_EVENTS_URL).
  if (!process.env.ORDER_EVENTS_URL)
    process.env.ORDER_EVENTS_DB_PATH ||= join(root, '.data', 'order-events.sqlite');
  if (DEMO_ACCOUNTS) seedDemoAccounts();
  step('starting Temporal (the first run fetches the CLI, a few seconds)…');
  const { child: temporal } = await startDevServer({ db: join(root, '.temporal', 'dev.db') });
  step(`Temporal ready in ${seconds(started)}; starting the payment sandbox, worker and sites`);
  const pushEnv = devPushEnv(join(root, '.data', 'vapid.json'));
  const children = Object.keys(APPS).map((name) => startApp(name, pushEnv[name]));
  if (temporal) children.push(temporal);
  void compileSites();

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    step('stopping…');
    for (const child of children) child.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  let running = children.length;
  for (const child of children) {
    child.on('exit', (code) => {
      running -= 1;
      if (!stopping && code !== 0) {
        step(`a process exited with code ${code}; stopping the rest`);
        stop();
        process.exitCode = 1;
      }
      if (running === 0) {
        if (stopping) step('stopped');
        process.exit();
      }
    });
  }
}

main().catch((error) => {
  console.error(`[dev] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
