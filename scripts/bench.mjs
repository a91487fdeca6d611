#!/usr/bin/env node
// `pnpm bench`: runs the benchmark (apps/bench) on its own Temporal server, payment sandbox,
// worker and sites, apart from `pnpm dev` and the tests. See docs/benchmarks.md.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const app = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'apps/bench');

const bench = spawn(
  process.execPath,
  ['--import', 'tsx', 'src/main.ts', ...process.argv.slice(2)],
  {
    cwd: app,
    stdio: 'inherit',
  },
);
// Ctrl-C reaches the bench too (same process group); it stops its stack and then exits.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => bench.kill('SIGTERM'));
bench.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
