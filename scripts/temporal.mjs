#!/usr/bin/env node
// Makes the pinned Temporal CLI available and runs its dev server for this project.
//
//   node scripts/temporal.mjs start   [--port 7233] [--ui-port 8233] [--metrics-port PORT] [--db FILE | --ephemeral]
//   node scripts/temporal.mjs ensure  (same flags; starts it in the background unless one answers)
//   node scripts/temporal.mjs cli     (prints the path of the CLI, building it if needed)
//   node scripts/temporal.mjs command (same flags; prints the server's command line as JSON)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync } from 'node:fs';
import { connect } from 'node:net';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const CLI_VERSION = 'v1.5.1';
export const SEARCH_ATTRIBUTES = [
  'OrderState=Keyword',
  'CustomerId=Keyword',
  'DriverId=Keyword',
  'OrderUpdatedAt=Datetime',
];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cacheBin = join(root, '.cache', 'temporal', CLI_VERSION);
const cachedCli = join(cacheBin, 'temporal');

const log = (line) => console.error(`[temporal] ${line}`);

function onPath(command) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

const HOW_TO_FIX = `No Temporal CLI could be found or built. Any one of these fixes it:
  - install the Temporal CLI (https://docs.temporal.io/cli) so that \`temporal\` is on your PATH;
  - install Go 1.23 or newer, then run this again: it builds ${CLI_VERSION} into .cache/temporal;
  - with Docker: \`docker compose up -d temporal\`, then run the project as usual.`;

/** A `temporal` on PATH, else the cached build, else a fresh `go install` into the cache. */
export function findCli() {
  const fromEnv = process.env.TEMPORAL_CLI;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const installed = onPath('temporal');
  if (installed) return installed;
  if (existsSync(cachedCli)) return cachedCli;
  if (!onPath('go')) throw new Error(HOW_TO_FIX);
  log(
    `building the Temporal CLI ${CLI_VERSION} with go install (first run only, a few minutes)...`,
  );
  mkdirSync(cacheBin, { recursive: true });
  const started = Date.now();
  const build = spawnSync(
    'go',
    ['install', `github.com/temporalio/cli/cmd/temporal@${CLI_VERSION}`],
    { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, GOBIN: cacheBin } },
  );
  if (build.status !== 0 || !existsSync(cachedCli)) {
    throw new Error(`go install failed (exit ${build.status}).\n${HOW_TO_FIX}`);
  }
  log(`built in ${Math.round((Date.now() - started) / 1000)} s: ${cachedCli}`);
  return cachedCli;
}

export function portAnswers(port, host = '127.0.0.1') {
  return new Promise((resolvePort) => {
    const socket = connect({ port, host });
    const done = (answer) => {
      socket.destroy();
      resolvePort(answer);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function healthy(cli, port) {
  const check = spawnSync(
    cli,
    ['operator', 'cluster', 'health', '--address', `127.0.0.1:${port}`, '--command-timeout', '3s'],
    { encoding: 'utf8' },
  );
  return check.status === 0 && check.stdout.includes('SERVING');
}

async function waitUntilServing(cli, port, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) {
      throw new Error(`the Temporal dev server exited with code ${child.exitCode}`);
    }
    if ((await portAnswers(port)) && healthy(cli, port)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `the Temporal dev server did not answer on port ${port} within ${timeoutMs / 1000} s`,
  );
}

export function serverArgs({ port, uiPort, metricsPort, db }) {
  return [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--ui-port',
    String(uiPort),
    '--namespace',
    'default',
    ...(db ? ['--db-filename', db] : []),
    // The CLI picks a random metrics port unless told one; a fixed one lets a benchmark read it.
    ...(metricsPort ? ['--metrics-port', String(metricsPort)] : []),
    ...SEARCH_ATTRIBUTES.flatMap((pair) => ['--search-attribute', pair]),
    '--log-level',
    'error',
  ];
}

/**
 * Starts the dev server unless one already answers on `port`, and resolves when it serves.
 * `detached` leaves it running after this process exits (its log goes to a file).
 */
export async function startDevServer({
  port = 7233,
  uiPort = 8233,
  metricsPort,
  db,
  detached = false,
} = {}) {
  const cli = findCli();
  if (await portAnswers(port)) {
    await waitUntilServing(cli, port);
    log(`reusing the Temporal server already serving on 127.0.0.1:${port}`);
    return { reused: true, child: null };
  }
  if (db) mkdirSync(dirname(db), { recursive: true });
  const logFile = join(root, '.temporal', `server-${port}.log`);
  mkdirSync(dirname(logFile), { recursive: true });
  const output = detached ? openSync(logFile, 'a') : 'inherit';
  const child = spawn(cli, serverArgs({ port, uiPort, metricsPort, db }), {
    stdio: ['ignore', output, output],
    detached,
  });
  if (detached) child.unref();
  await waitUntilServing(cli, port, detached ? null : child);
  log(
    `serving on 127.0.0.1:${port}, UI http://localhost:${uiPort}` +
      (db ? `, orders kept in ${db}` : ' (in memory)'),
  );
  return { reused: false, child };
}

function parseCommandLine() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string', default: process.env.TEMPORAL_PORT ?? '7233' },
      'ui-port': { type: 'string' },
      'metrics-port': { type: 'string' },
      db: { type: 'string', default: join(root, '.temporal', 'dev.db') },
      ephemeral: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  return {
    command: positionals[0] ?? 'start',
    port,
    uiPort: Number(values['ui-port'] ?? port + 1000),
    metricsPort: values['metrics-port'] ? Number(values['metrics-port']) : undefined,
    db: values.ephemeral ? undefined : resolve(values.db),
  };
}

async function main() {
  const { command, ...options } = parseCommandLine();
  if (command === 'cli') {
    console.log(findCli());
    return;
  }
  if (command === 'command') {
    console.log(JSON.stringify({ cli: findCli(), args: serverArgs(options) }));
    return;
  }
  if (command === 'ensure') {
    await startDevServer({ ...options, detached: true });
    return;
  }
  if (command !== 'start')
    throw new Error(`unknown command "${command}" (start, ensure, cli, command)`);
  const { child } = await startDevServer(options);
  if (!child) return;
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill('SIGTERM'));
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    log(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
