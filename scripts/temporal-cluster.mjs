#!/usr/bin/env node
// The Temporal server itself (not the dev server) on a PostgreSQL of its own, without Docker:
// all four services in one process, the `default` namespace and the order's search attributes.
//
//   node scripts/temporal-cluster.mjs build    (builds the server and its SQL tool into .cache)
//   node scripts/temporal-cluster.mjs start    [--data DIR] [--port 7233] [--pg-port PORT] [--metrics-port PORT]
//   node scripts/temporal-cluster.mjs ensure   (same flags; starts it in the background unless it serves)
//   node scripts/temporal-cluster.mjs stop     [--data DIR]
//   node scripts/temporal-cluster.mjs command  (same flags as start; readies PostgreSQL, the schema and the
//                                               configuration, and prints the server's command line as JSON)
//   node scripts/temporal-cluster.mjs register [--port 7233] (the namespace and the search attributes)
//
// The frontend serves on --port and the other services on the next eight ports; PostgreSQL listens
// on --pg-port (default: port - 1800) and Prometheus metrics on --metrics-port (default: port + 2000).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  ensureRoleAndDatabases,
  letOwnerThrough,
  startPostgres,
  stopPostgres,
} from './postgres.mjs';
import { DATABASES, DB_ROLE, servicePorts, writeServerConfig } from './temporal-cluster-config.mjs';
import { ensureServerBuilt } from './temporal-server-build.mjs';
import { SEARCH_ATTRIBUTES, findCli, portAnswers, waitUntilServing } from './temporal.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NAMESPACE = 'default';
/** Ended orders stay readable (their status comes from the result) for a week. */
const RETENTION = '168h';
/** A first start sets up the schema and the ring: slower than the dev server. */
const START_TIMEOUT_MS = 120_000;

const log = (line) => console.error(`[temporal-cluster] ${line}`);
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

const dataFiles = (dataDir) => ({
  postgres: join(dataDir, 'postgres'),
  password: join(dataDir, 'postgres-password'),
  pid: join(dataDir, 'server.pid'),
  log: join(dataDir, 'server.log'),
});

/** The database role's password, made once per data directory. */
function dbPassword(dataDir) {
  const file = dataFiles(dataDir).password;
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(18).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

function runSqlTool(sqlTool, { pgPort, password, database }, args) {
  const result = spawnSync(sqlTool, args, {
    encoding: 'utf8',
    // Through the environment, so the password never shows in a process list.
    env: {
      ...process.env,
      SQL_PLUGIN: 'postgres12',
      SQL_HOST: '127.0.0.1',
      SQL_PORT: String(pgPort),
      SQL_USER: DB_ROLE,
      SQL_PASSWORD: password,
      SQL_DATABASE: database,
    },
  });
  if (result.status !== 0) {
    throw new Error(
      `temporal-sql-tool ${args[0]} on ${database} failed (exit ${result.status}):\n` +
        `${result.stdout}${result.stderr}`.trim(),
    );
  }
}

/** Sets up, or brings up to the server's version, the schema of both databases. Idempotent. */
function setupSchemas({ sqlTool, schema }, connection) {
  const started = Date.now();
  for (const [store, database] of Object.entries(DATABASES)) {
    const settings = { ...connection, database };
    runSqlTool(sqlTool, settings, ['setup-schema', '--version', '0.0']);
    runSqlTool(sqlTool, settings, [
      'update-schema',
      '--schema-dir',
      join(schema, store === 'default' ? 'temporal' : 'visibility', 'versioned'),
    ]);
  }
  log(`schemas of ${Object.values(DATABASES).join(' and ')} up to date (${seconds(started)})`);
}

/** Fails, naming them, if any port the server would listen on is taken. */
async function assertPortsFree(port, metricsPort) {
  const wanted = [
    ...Object.values(servicePorts(port)).flatMap((ports) => Object.values(ports)),
    metricsPort,
  ];
  const taken = [];
  for (const candidate of wanted) if (await portAnswers(candidate)) taken.push(candidate);
  if (taken.length > 0) {
    throw new Error(
      `the server needs ports ${wanted.join(', ')} and ${taken.join(', ')} ` +
        `${taken.length === 1 ? 'is' : 'are'} taken: stop what listens there or choose another --port`,
    );
  }
}

/**
 * Everything but the server process: the binaries, PostgreSQL with the role and both databases,
 * their schemas and the server's configuration. Returns the server's command line.
 */
export async function prepareCluster({ dataDir, port, pgPort, metricsPort }) {
  await assertPortsFree(port, metricsPort);
  const files = await ensureServerBuilt();
  mkdirSync(dataDir, { recursive: true });
  letOwnerThrough(dataDir);
  const password = dbPassword(dataDir);
  const postgres = startPostgres({ dir: dataFiles(dataDir).postgres, port: pgPort });
  ensureRoleAndDatabases(postgres, {
    role: DB_ROLE,
    password,
    databases: Object.values(DATABASES),
  });
  setupSchemas(files, { pgPort, password });
  const args = writeServerConfig({ dataDir, port, pgPort, metricsPort, password });
  return { command: files.server, args };
}

function temporal(cli, args) {
  return spawnSync(cli, args, { encoding: 'utf8' });
}

async function retrying(what, attempt, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = attempt();
    if (result.status === 0) return result;
    if (Date.now() > deadline) {
      throw new Error(`${what} failed: ${`${result.stderr}${result.stdout}`.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Registers the namespace and the order's search attributes unless they are there. */
export async function registerNamespace(port) {
  const cli = findCli();
  const target = ['--address', `127.0.0.1:${port}`, '--namespace', NAMESPACE];
  if (temporal(cli, ['operator', 'namespace', 'describe', ...target]).status !== 0) {
    await retrying(`creating the namespace ${NAMESPACE}`, () =>
      temporal(cli, ['operator', 'namespace', 'create', ...target, '--retention', RETENTION]),
    );
    log(`namespace ${NAMESPACE} created (retention ${RETENTION})`);
  }
  const pairs = SEARCH_ATTRIBUTES.map((pair) => pair.split('='));
  // A new namespace reaches every frontend's cache within seconds: until then this is refused.
  await retrying('registering the search attributes', () =>
    temporal(cli, [
      'operator',
      'search-attribute',
      'create',
      ...target,
      ...pairs.flatMap(([name, type]) => ['--name', name, '--type', type]),
    ]),
  );
  const listed = JSON.parse(
    (
      await retrying('listing the search attributes', () =>
        temporal(cli, ['operator', 'search-attribute', 'list', ...target, '--output', 'json']),
      )
    ).stdout,
  );
  const missing = pairs.filter(([name]) => !JSON.stringify(listed).includes(`"${name}"`));
  if (missing.length > 0)
    throw new Error(`search attributes not registered: ${missing.join(', ')}`);
  log(`search attributes ${pairs.map(([name]) => name).join(', ')} registered in ${NAMESPACE}`);
}

/** The pid of this data directory's server if it still runs. */
function runningServerPid(dataDir) {
  const file = dataFiles(dataDir).pid;
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8'));
  // A pid can be reused: it is ours only if its command line names our data directory.
  const command = spawnSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
  return command.status === 0 && command.stdout.includes(dataDir) ? pid : null;
}

/**
 * Starts the cluster unless this data directory's server already serves on `port`. `detached`
 * leaves it running after this process exits (its log goes to `<data>/server.log`).
 */
async function startCluster({ dataDir, port, pgPort, metricsPort, detached }) {
  const cli = findCli();
  if (await portAnswers(port)) {
    if (!runningServerPid(dataDir)) {
      throw new Error(
        `port ${port} is taken by another server (the dev server?): stop it or choose --port`,
      );
    }
    await waitUntilServing(cli, port);
    log(`reusing the Temporal server of ${dataDir} on 127.0.0.1:${port}`);
    await registerNamespace(port);
    return null;
  }
  const started = Date.now();
  const { command, args } = await prepareCluster({ dataDir, port, pgPort, metricsPort });
  const { log: logFile, pid: pidFile } = dataFiles(dataDir);
  const output = detached ? openSync(logFile, 'a') : 'inherit';
  const server = spawn(command, args, { stdio: ['ignore', output, output], detached });
  writeFileSync(pidFile, String(server.pid));
  if (detached) server.unref();
  await waitUntilServing(cli, port, server, START_TIMEOUT_MS);
  await registerNamespace(port);
  log(
    `serving on 127.0.0.1:${port} in ${seconds(started)} (PostgreSQL 127.0.0.1:${pgPort}, ` +
      `metrics http://127.0.0.1:${metricsPort}/metrics, data ${dataDir}` +
      (detached ? `, log ${logFile})` : ')'),
  );
  return server;
}

/** Stops this data directory's server (if it runs) and its PostgreSQL. */
async function stopCluster(dataDir) {
  const pid = runningServerPid(dataDir);
  if (pid) {
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + 20_000;
    while (runningServerPid(dataDir) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
    }
    if (runningServerPid(dataDir)) process.kill(pid, 'SIGKILL');
    log(`stopped the Temporal server of ${dataDir}`);
  }
  rmSync(dataFiles(dataDir).pid, { force: true });
  stopPostgres(dataFiles(dataDir).postgres);
}

function parseCommandLine() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      data: { type: 'string', default: join(root, '.temporal', 'cluster') },
      port: { type: 'string', default: '7233' },
      'pg-port': { type: 'string' },
      'metrics-port': { type: 'string' },
    },
  });
  const port = Number(values.port);
  return {
    command: positionals[0] ?? 'start',
    dataDir: resolve(values.data),
    port,
    pgPort: Number(values['pg-port'] ?? port - 1800),
    metricsPort: Number(values['metrics-port'] ?? port + 2000),
  };
}

async function main() {
  const { command, ...options } = parseCommandLine();
  switch (command) {
    case 'build':
      await ensureServerBuilt();
      return;
    case 'command':
      console.log(JSON.stringify(await prepareCluster(options)));
      return;
    case 'register':
      await registerNamespace(options.port);
      return;
    case 'stop':
      await stopCluster(options.dataDir);
      return;
    case 'ensure':
      await startCluster({ ...options, detached: true });
      return;
    case 'start': {
      const server = await startCluster({ ...options, detached: false });
      if (!server) return;
      for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill('SIGTERM'));
      server.on('exit', async (code) => {
        await stopCluster(options.dataDir);
        process.exit(code ?? 0);
      });
      return;
    }
    default:
      throw new Error(
        `unknown command "${command}" (build, start, ensure, stop, command, register)`,
      );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    log(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
