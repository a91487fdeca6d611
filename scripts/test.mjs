#!/usr/bin/env node
// Runs the test suites against a real Temporal dev server started for the run, and prints
// one `N passed, N failed` line per suite and for the whole run.
//
//   node scripts/test.mjs             the everyday suites (unit, accounts, events, payments, workflows, worker, api, push, observability, compose, e2e)
//   node scripts/test.mjs proofs      the crash, fault and hostile-input suites
//   node scripts/test.mjs scaffold    the npm scaffold (a copy of the tree as Temporal's samples are made)
//   node scripts/test.mjs scale-out   the Temporal cluster on PostgreSQL, two workers, two replicas per site, SIGKILLs
//   node scripts/test.mjs api e2e     any suites by name
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { appendFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findCli, findOnPath, portAnswers, startDevServer } from './temporal.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The test run's Temporal ports, from the harness's port plan (the suites read it too). */
const TEST_PORTS = JSON.parse(readFileSync(join(root, 'packages/harness/ports.json'), 'utf8')).test;
/**
 * A made-up value for each secret the servers read, in the sites' build environment as a real
 * deployment's secrets would be: the e2e suite searches what browsers are sent for each of them.
 */
const SECRET_CANARIES = JSON.parse(
  readFileSync(join(root, 'packages/harness/secret-canaries.json'), 'utf8'),
);

const vitest = (pkg, ...files) => ({ kind: 'vitest', cwd: join(root, pkg), files });
const SITES = ['menu', 'driver', 'restaurant'];
const SUITES = {
  unit: vitest('packages/common'),
  accounts: vitest('packages/accounts'),
  events: vitest('packages/events'),
  payments: vitest('apps/payments'),
  workflows: vitest('packages/workflows'),
  worker: vitest('apps/worker'),
  api: vitest('packages/api'),
  e2e: { kind: 'playwright', cwd: join(root, 'packages/testing') },
  crash: vitest('packages/testing', 'proofs/crash.test.ts'),
  faults: vitest('packages/testing', 'proofs/faults.test.ts'),
  hostile: { ...vitest('packages/testing', 'proofs/hostile.test.ts'), needsBuild: true },
  push: vitest('packages/testing', 'push/web-push.test.ts'),
  observability: vitest('packages/testing', 'observability/'),
  compose: vitest('packages/testing', 'compose/compose.test.ts'),
  scaffold: vitest('packages/testing', 'scaffold/npm-scaffold.test.ts'),
  // Starts its own Temporal: the cluster on PostgreSQL (scripts/temporal-cluster.mjs).
  'scale-out': {
    ...vitest('packages/testing', 'scale-out/scale-out.test.ts'),
    needsBuild: true,
    ownTemporal: true,
  },
};
const GROUPS = {
  default: [
    'unit',
    'accounts',
    'events',
    'payments',
    'workflows',
    'worker',
    'api',
    'push',
    'observability',
    'compose',
    'e2e',
  ],
  proofs: ['crash', 'faults', 'hostile'],
};

function selectedSuites(args) {
  const names = (args.length ? args : ['default']).flatMap((arg) => GROUPS[arg] ?? [arg]);
  for (const name of names) {
    if (!SUITES[name])
      throw new Error(`unknown suite "${name}"; known: ${Object.keys(SUITES).join(', ')}`);
  }
  return names;
}

function run(command, args, cwd, env = {}) {
  return spawnSync(command, args, {
    cwd,
    stdio: 'inherit',
    env: { TURBO_TELEMETRY_DISABLED: '1', ...process.env, ...env },
  }).status;
}

function readCounts(reportFile, read) {
  if (!existsSync(reportFile)) return null;
  try {
    return read(JSON.parse(readFileSync(reportFile, 'utf8')));
  } catch {
    return null;
  }
}

const nextBin = (site) =>
  createRequire(join(root, 'apps', site, 'package.json')).resolve('next/dist/bin/next');

/**
 * Suites that drive the sites run against production builds of them: through Turborepo (which
 * caches them, and runs the build scripts with pnpm) where pnpm is installed, else with `next
 * build` itself, so `npm test` works on a machine without pnpm.
 */
let built = null;
function buildSites() {
  built ??= findOnPath('pnpm')
    ? run(
        join(root, 'node_modules/.bin/turbo'),
        ['run', 'build', ...SITES.map((site) => `--filter=@delivery/${site}`)],
        root,
        SECRET_CANARIES,
      )
    : SITES.reduce(
        (status, site) =>
          status ||
          run(
            process.execPath,
            [nextBin(site), 'build'],
            join(root, 'apps', site),
            SECRET_CANARIES,
          ),
        0,
      );
  return built;
}

function runVitest(suite, reportFile) {
  if (suite.needsBuild) {
    const built = buildSites();
    if (built !== 0) return { status: built, counts: null };
  }
  const bin = join(root, 'node_modules/.bin/vitest');
  const status = run(
    bin,
    [
      'run',
      ...suite.files,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reportFile}`,
    ],
    suite.cwd,
  );
  const counts = readCounts(reportFile, (r) => ({
    passed: r.numPassedTests,
    failed: r.numFailedTests,
  }));
  return { status, counts };
}

function runPlaywright(suite, reportFile) {
  const built = buildSites();
  if (built !== 0) return { status: built, counts: null };
  // Resolved through the package, so npm's hoisted layout works as well as pnpm's.
  const cli = createRequire(join(suite.cwd, 'package.json')).resolve('@playwright/test/cli');
  const status = run(process.execPath, [cli, 'test', '--reporter=list,json'], suite.cwd, {
    PLAYWRIGHT_JSON_OUTPUT_NAME: reportFile,
  });
  const counts = readCounts(reportFile, (r) => ({
    passed: r.stats.expected + r.stats.flaky,
    failed: r.stats.unexpected,
  }));
  return { status, counts };
}

async function main() {
  const names = selectedSuites(process.argv.slice(2));
  findCli();
  const address = `127.0.0.1:${TEST_PORTS.temporal}`;
  const needsDevServer = names.some((name) => !SUITES[name].ownTemporal);
  const { child: temporal } =
    !needsDevServer || (await portAnswers(TEST_PORTS.temporal))
      ? { child: null }
      : await startDevServer({
          port: TEST_PORTS.temporal,
          uiPort: TEST_PORTS.temporalUi,
          detached: false,
        });
  process.env.TEMPORAL_ADDRESS = address;

  const reports = mkdtempSync(join(tmpdir(), 'test-reports-'));
  const results = [];
  try {
    for (const name of names) {
      const suite = SUITES[name];
      console.log(`\n=== ${name} ===`);
      const reportFile = join(reports, `${name}.json`);
      const { status, counts } =
        suite.kind === 'vitest' ? runVitest(suite, reportFile) : runPlaywright(suite, reportFile);
      // A suite that crashed before reporting still counts, as one failure.
      const result = counts ?? { passed: 0, failed: 1 };
      if (status !== 0 && result.failed === 0) result.failed = 1;
      results.push({ name, ...result });
    }
  } finally {
    temporal?.kill('SIGTERM');
  }

  console.log('\n=== summary ===');
  for (const { name, passed, failed } of results)
    console.log(`${name}: ${passed} passed, ${failed} failed`);
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  if (process.env.TEST_SUMMARY_FILE)
    appendFileSync(process.env.TEST_SUMMARY_FILE, `${passed} ${failed}\n`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
