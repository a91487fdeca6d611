// A PostgreSQL server of the project's own: its data directory, 127.0.0.1 at a chosen port, its
// socket inside the data directory. Never Debian's (or anyone's) cluster.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { findOnPath } from './temporal.mjs';

const log = (line) => console.error(`[postgres] ${line}`);
const SUPERUSER = 'postgres';
/** Our settings, kept apart from initdb's postgresql.conf and rewritten on every start. */
const SETTINGS_FILE = 'delivery.conf';

const HOW_TO_FIX = `PostgreSQL (initdb, pg_ctl, postgres, psql) was not found on PATH or in /usr/lib/postgresql/*/bin.
Install it, then run this again:
  - Debian, Ubuntu: \`apt-get install postgresql\`
  - Fedora: \`dnf install postgresql-server\`
  - macOS: \`brew install postgresql@17\``;

const PROGRAMS = ['initdb', 'pg_ctl', 'postgres', 'psql'];
const hasAll = (dir) => PROGRAMS.every((program) => existsSync(join(dir, program)));

/**
 * The directory holding initdb, pg_ctl, postgres and psql: the one initdb on PATH really lives in
 * (a symlink is followed), else Debian's versions, newest first.
 */
export function findPostgresBin() {
  const onPath = findOnPath('initdb');
  const candidates = onPath ? [dirname(realpathSync(onPath))] : [];
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => join(debian, version, 'bin')));
  }
  const found = candidates.find(hasAll);
  if (!found) throw new Error(HOW_TO_FIX);
  return found;
}

/** PostgreSQL refuses to run as root: then its commands run as the `postgres` user. */
const asRoot = process.getuid?.() === 0;

function ownerIds() {
  const id = (flag) => spawnSync('id', [flag, SUPERUSER], { encoding: 'utf8' });
  const [uid, gid] = [id('-u'), id('-g')];
  if (uid.status !== 0) {
    throw new Error(
      `running as root, PostgreSQL needs the \`${SUPERUSER}\` user to own its data, and there is none ` +
        `(\`apt-get install postgresql\` creates it; or run this as an ordinary user)`,
    );
  }
  return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
}

/** Runs `command` as the data directory's owner; throws with its output when it fails. */
function runAsOwner(command, args, { input, allowFailure = false } = {}) {
  const [file, argv] = asRoot
    ? ['runuser', ['-u', SUPERUSER, '--', command, ...args]]
    : [command, args];
  const result = spawnSync(file, argv, { encoding: 'utf8', input });
  if (result.status !== 0 && !allowFailure) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
    throw new Error(`${command} ${args[0] ?? ''} failed (exit ${result.status}):\n${output}`);
  }
  return result;
}

/** Gives `path` to the data directory's owner when we run as root. */
function handOver(path) {
  if (!asRoot) return;
  const { uid, gid } = ownerIds();
  chownSync(path, uid, gid);
}

/** Lets the data directory's owner through `dir` (a directory holding the data directory). */
export function letOwnerThrough(dir) {
  if (asRoot) chmodSync(dir, statSync(dir).mode | 0o001);
}

/** A directory the data directory's owner can write; the parent directories must let it through. */
function prepareDirectory(dir) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  handOver(dir);
  chmodSync(dir, 0o700);
  if (runAsOwner('test', ['-w', dir], { allowFailure: true }).status !== 0) {
    throw new Error(
      `the \`${SUPERUSER}\` user cannot reach ${dir}: let it through the directories above ` +
        `(chmod o+x on each) or choose a data directory elsewhere`,
    );
  }
}

const isInitialized = (dir) => existsSync(join(dir, 'PG_VERSION'));
const isRunning = (bin, dir) =>
  runAsOwner(join(bin, 'pg_ctl'), ['status', '--pgdata', dir], { allowFailure: true }).status === 0;

function initialize(bin, dir) {
  log(`creating a database cluster in ${dir}`);
  prepareDirectory(dir);
  runAsOwner(join(bin, 'initdb'), [
    '--pgdata',
    dir,
    '--username',
    SUPERUSER,
    // The socket lives in the data directory, which only its owner can enter; TCP needs a password.
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    '--encoding=UTF8',
    '--no-locale',
    '--no-instructions',
  ]);
  writeFileSync(join(dir, 'postgresql.conf'), `\ninclude_if_exists '${SETTINGS_FILE}'\n`, {
    flag: 'a',
  });
}

function writeSettings(dir, port) {
  const settings = [
    `listen_addresses = '127.0.0.1'`,
    `port = ${port}`,
    `unix_socket_directories = '${dir.replaceAll("'", "''")}'`,
    // Each of the server's four services opens pools of its own to both databases (20 + 10
    // connections): together past PostgreSQL's default of 100.
    `max_connections = 300`,
  ];
  const file = join(dir, SETTINGS_FILE);
  writeFileSync(file, `${settings.join('\n')}\n`);
  handOver(file);
}

/** The port a running server listens on: the 4th line of its postmaster.pid. */
const runningPort = (dir) =>
  Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[3]);

/**
 * Creates the cluster in `dir` if needed and starts it on 127.0.0.1:`port` unless it runs.
 * Returns what `psql` needs to reach it as the superuser.
 */
export function startPostgres({ dir, port }) {
  const bin = findPostgresBin();
  if (!isInitialized(dir)) initialize(bin, dir);
  if (isRunning(bin, dir)) {
    const listening = runningPort(dir);
    if (listening !== port) {
      throw new Error(
        `PostgreSQL of ${dir} already runs on port ${listening}, not ${port}: stop it first`,
      );
    }
    log(`reusing PostgreSQL of ${dir} on 127.0.0.1:${port}`);
  } else {
    writeSettings(dir, port);
    const logFile = join(dir, 'server.log');
    runAsOwner(join(bin, 'pg_ctl'), ['start', '--pgdata', dir, '--wait', '--log', logFile]);
    log(`serving on 127.0.0.1:${port} (log ${logFile})`);
  }
  return { bin, dir, port };
}

/** Runs SQL as the superuser over the socket (psql's backslash commands work too). */
function psql({ bin, dir, port }, sql) {
  return runAsOwner(
    join(bin, 'psql'),
    ['--host', dir, '--port', String(port), '--username', SUPERUSER, '--dbname', 'postgres'],
    { input: `\\set ON_ERROR_STOP on\n${sql}` },
  ).stdout;
}

const literal = (text) => `'${text.replaceAll("'", "''")}'`;

/** A login role with `password` owning each of `databases`, created or brought up to date. */
export function ensureRoleAndDatabases(postgres, { role, password, databases }) {
  psql(
    postgres,
    `SELECT format('CREATE ROLE %I LOGIN', ${literal(role)})
       WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${literal(role)}) \\gexec
     ALTER ROLE "${role}" PASSWORD ${literal(password)};
     SELECT format('CREATE DATABASE %I OWNER %I', name, ${literal(role)})
       FROM unnest(ARRAY[${databases.map(literal).join(', ')}]) AS name
       WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = name) \\gexec`,
  );
}

/** Stops the cluster in `dir` if it runs (fast shutdown: open sessions are ended). */
export function stopPostgres(dir) {
  if (!isInitialized(dir)) return false;
  const bin = findPostgresBin();
  if (!isRunning(bin, dir)) return false;
  runAsOwner(join(bin, 'pg_ctl'), ['stop', '--pgdata', dir, '--mode', 'fast', '--wait']);
  log(`stopped PostgreSQL of ${dir}`);
  return true;
}
