#!/usr/bin/env node
// The whole product on one machine: Temporal dev server, payment sandbox, worker and both
// sites, with prefixed logs. Ctrl-C stops everything.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDevServer } from './temporal.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SITES = { menu: 'http://localhost:3000', driver: 'http://localhost:3001' };

async function answers(url) {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

async function announceWhenUp() {
  while (!(await answers(SITES.menu)) || !(await answers(SITES.driver))) {
    await new Promise((r) => setTimeout(r, 1_000));
  }
  console.log(
    [
      '',
      '  Durable Delivery is running',
      `  Menu (customers)   ${SITES.menu}`,
      `  Driver             ${SITES.driver}`,
      '  Temporal UI        http://localhost:8233',
      '  Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

async function main() {
  const { child: temporal } = await startDevServer({ db: join(root, '.temporal', 'dev.db') });
  const apps = spawn(
    join(root, 'node_modules/.bin/turbo'),
    [
      'run',
      'dev',
      '--ui=stream',
      '--filter=@delivery/payments',
      '--filter=@delivery/worker',
      '--filter=@delivery/menu',
      '--filter=@delivery/driver',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  void announceWhenUp();

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    apps.kill('SIGINT');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  apps.on('exit', (code) => {
    temporal?.kill('SIGTERM');
    process.exit(stopping ? 0 : (code ?? 1));
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
