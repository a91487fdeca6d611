// The Temporal server and its SQL tool, built with Go into the project's cache once, with the
// PostgreSQL schema they set up (copied from the server's module, which the release archives lack).
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { findOnPath } from './temporal.mjs';

export const SERVER_VERSION = 'v1.29.1';
const SERVER_MODULE = 'go.temporal.io/server';
/** The `go` line of the server's go.mod at this tag. */
const GO_FOR_SERVER = '1.25';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = join(root, '.cache', 'temporal-server', SERVER_VERSION);
/** `go install` names a binary after its package directory: cmd/server, cmd/tools/sql. */
const PROGRAMS = [
  { name: 'temporal-server', package: `${SERVER_MODULE}/cmd/server`, built: 'server' },
  { name: 'temporal-sql-tool', package: `${SERVER_MODULE}/cmd/tools/sql`, built: 'sql' },
];

const log = (line) => console.error(`[temporal-server] ${line}`);
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Where the binaries and the schema are: TEMPORAL_SERVER_BIN and TEMPORAL_SQL_TOOL_BIN win. */
export const serverFiles = () => ({
  server: process.env.TEMPORAL_SERVER_BIN || join(cacheDir, 'temporal-server'),
  sqlTool: process.env.TEMPORAL_SQL_TOOL_BIN || join(cacheDir, 'temporal-sql-tool'),
  schema: join(cacheDir, 'schema', 'postgresql', 'v12'),
});

const HOW_TO_FIX = `Any one of these fixes it:
  - install Go ${GO_FOR_SERVER}+ (https://go.dev/dl, \`brew install go\`, or your distribution's package if
    it is that new), put \`go\` on PATH, and run \`node scripts/temporal-cluster.mjs build\` again
    (a few minutes the first time; it builds into ${cacheDir})
  - with Docker: \`docker compose --env-file .env.local up -d temporal-ui\` runs the same server on PostgreSQL in containers (docs/deploy.md)`;

function go(args) {
  const result = spawnSync('go', args, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`\`go ${args.join(' ')}\` failed (exit ${result.status})\n${HOW_TO_FIX}`);
  }
  return result.stdout;
}

function requireGo(what) {
  if (!findOnPath('go')) {
    throw new Error(`${what} needs Go ${GO_FOR_SERVER}+ and \`go\` is not on PATH.\n${HOW_TO_FIX}`);
  }
}

/** Runs `go install`, saying every half minute that it still works. */
function goInstall(packages, gobin) {
  return new Promise((resolveBuild, reject) => {
    const started = Date.now();
    const child = spawn('go', ['install', ...packages], {
      env: { ...process.env, GOBIN: gobin },
      stdio: ['ignore', 2, 2],
    });
    const ticker = setInterval(() => log(`still building (${seconds(started)})...`), 30_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearInterval(ticker);
      if (code === 0) resolveBuild();
      else reject(new Error(`\`go install\` failed (exit ${code})\n${HOW_TO_FIX}`));
    });
  });
}

/** Builds both programs into a directory of their own, then moves them in: never a half-binary. */
async function buildBinaries() {
  requireGo(`Building the Temporal server ${SERVER_VERSION}`);
  const staging = join(cacheDir, `.partial-${process.pid}`);
  const started = Date.now();
  log(`building the Temporal server and SQL tool ${SERVER_VERSION} with Go (minutes when cold)...`);
  try {
    await goInstall(
      PROGRAMS.map((program) => `${program.package}@${SERVER_VERSION}`),
      staging,
    );
    for (const program of PROGRAMS) {
      renameSync(join(staging, program.built), join(cacheDir, program.name));
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  log(`built in ${seconds(started)} into ${cacheDir}`);
}

/** Copies schema/postgresql/v12 out of the server's module in Go's module cache. */
function copySchema(destination) {
  requireGo(`Reading the Temporal server's PostgreSQL schema`);
  const { Dir } = JSON.parse(
    go(['mod', 'download', '-json', `${SERVER_MODULE}@${SERVER_VERSION}`]),
  );
  const partial = `${destination}.partial-${process.pid}`;
  cpSync(join(Dir, 'schema', 'postgresql', 'v12'), partial, {
    recursive: true,
    filter: (source) => !source.endsWith('.go'),
  });
  // The module cache is read-only; the copy must not be, or \`rm -rf .cache\` fails.
  for (const path of [partial, ...readdirSync(partial, { recursive: true })]) {
    const entry = resolve(partial, path);
    chmodSync(entry, statSync(entry).isDirectory() ? 0o755 : 0o644);
  }
  mkdirSync(dirname(destination), { recursive: true });
  renameSync(partial, destination);
  log(`PostgreSQL schema copied to ${destination}`);
}

/** Makes sure the binaries and the schema are there, building and copying what is missing. */
export async function ensureServerBuilt() {
  const unset = ['TEMPORAL_SERVER_BIN', 'TEMPORAL_SQL_TOOL_BIN'].filter(
    (variable) => process.env[variable] && !existsSync(process.env[variable]),
  );
  if (unset.length > 0) throw new Error(`${unset.join(' and ')} name no file`);
  const files = serverFiles();
  mkdirSync(cacheDir, { recursive: true });
  if (existsSync(files.server) && existsSync(files.sqlTool)) {
    log(`Temporal server ${SERVER_VERSION}: ${files.server}`);
  } else {
    await buildBinaries();
  }
  if (!existsSync(files.schema)) copySchema(files.schema);
  return files;
}
