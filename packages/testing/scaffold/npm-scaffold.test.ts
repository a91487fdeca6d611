import { execFile, execSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@delivery/common';
import { portAnswers } from '@delivery/harness/ports';
import { repoRoot } from '@delivery/harness/repo-root';
import { trpcHttp } from '@delivery/harness/trpc-http';

/**
 * The tree as Temporal's samples are scaffolded (`npx @temporalio/create --sample`): the tracked
 * files copied to an empty folder, `.npmrc` deleted, `npm install`, then the README's run command.
 */
const DEV_PORTS = [7233, 8233, 4242, 3000, 3001, 3002];
/**
 * A user's shell: without the test run's Temporal connection settings, so the scaffold runs on the
 * dev server it starts itself.
 */
const USER_ENV = Object.fromEntries(
  Object.entries(process.env).filter(
    ([name]) => !name.startsWith('TEMPORAL_') || name === 'TEMPORAL_CLI',
  ),
);
const menu = trpcHttp('http://127.0.0.1:3000');
const driverSite = trpcHttp('http://127.0.0.1:3001');
const restaurantSite = trpcHttp('http://127.0.0.1:3002');

let folder: string;
let dev: ChildProcess;
let output = '';
let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

function waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (pattern.test(output)) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() > deadline) {
        clearInterval(timer);
        reject(new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${output.slice(-3000)}`));
      }
    }, 250);
    const deadline = Date.now() + timeoutMs;
  });
}

/** A demo account's session cookie on `site`. */
async function signedIn(site: typeof driverSite, email: string): Promise<string> {
  const signIn = await site.mutation('signIn', { input: { email, password: DEMO_PASSWORD } });
  expect(signIn.status, JSON.stringify(signIn.body)).toBe(200);
  return signIn.setCookie.map((line) => line.split(';')[0]).join('; ');
}

beforeAll(async () => {
  const taken = (await Promise.all(DEV_PORTS.map((port) => portAnswers(`127.0.0.1:${port}`))))
    .map((answers, index) => (answers ? DEV_PORTS[index] : null))
    .filter((port) => port !== null);
  if (taken.length) throw new Error(`stop what listens on ${taken.join(', ')} (pnpm dev?) first`);

  folder = mkdtempSync(join(tmpdir(), 'scaffold-'));
  execSync(`git archive HEAD | tar -x -C "${folder}"`, { cwd: repoRoot });
  rmSync(join(folder, '.npmrc'), { force: true });
  // Not spawnSync: minutes of a blocked event loop make vitest's worker miss its own heartbeat.
  await promisify(execFile)('npm', ['install', '--no-audit', '--no-fund'], {
    cwd: folder,
    timeout: 15 * 60_000,
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stderr?: string }) => {
    throw new Error(`npm install failed:\n${(error.stderr ?? String(error)).slice(-3000)}`);
  });

  // `npm run dev`, as the README and .post-create say; its own process group, for Ctrl-C.
  dev = spawn('npm', ['run', 'dev'], { cwd: folder, detached: true, env: USER_ENV });
  for (const stream of [dev.stdout!, dev.stderr!])
    stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
  exited = new Promise((resolve) => dev.on('exit', (code, signal) => resolve({ code, signal })));
  await waitForOutput(/Durable Delivery is running/, 5 * 60_000);
});

afterAll(() => {
  // Whatever a failed test left running in the group goes too.
  try {
    if (dev) process.kill(-dev.pid!, 'SIGKILL');
  } catch {
    // the group is already gone
  }
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('the tree scaffolded with npm, as a sample', () => {
  it('has next steps for the scaffolder to print, and nothing that points outside the folder', () => {
    const postCreate = readFileSync(join(folder, '.post-create'), 'utf8');
    expect(postCreate).toMatch(/npm run dev/);
    expect(postCreate).toMatch(/localhost:3000/);
    expect(postCreate).toMatch(/npm test/);
    const manifest = readFileSync(join(folder, 'package.json'), 'utf8');
    expect(manifest).not.toMatch(/workspace:|\.\.\/\.\./);
    expect(existsSync(join(folder, 'node_modules/@delivery/api'))).toBe(true);
  });

  it('runs with `npm run dev` and takes one order to Delivered over HTTP: placed, accepted and readied by the kitchen, picked up and delivered', async () => {
    const orderId = crypto.randomUUID();
    // A customer as a browser becomes one: the menu's first answer sets the signed cookie.
    const customer = (await menu.query('products')).setCookie
      .map((c) => c.split(';')[0])
      .join('; ');
    const placed = await menu.mutation('createOrder', {
      cookie: customer,
      input: { orderId, items: [{ productId: 'ramen', quantity: 1 }] },
    });
    expect(placed.status, JSON.stringify(placed.body)).toBe(200);

    const stateOf = async () => {
      const response = await menu.query('getOrderStatus', { cookie: customer, input: { orderId } });
      return (response.body as { result?: { data?: { state?: string } } }).result?.data?.state;
    };
    const deadline = Date.now() + 60_000;
    while ((await stateOf()) !== 'Waiting for restaurant') {
      if (Date.now() > deadline) throw new Error(`order ${orderId} never reached the restaurant`);
      await new Promise((r) => setTimeout(r, 250));
    }

    // `npm run dev` seeded the demo accounts into the copy's own accounts database: the kitchen
    // accepts and readies the order on its site, then a driver picks it up and delivers it on theirs.
    const kitchen = await signedIn(restaurantSite, 'kitchen@example.com');
    for (const [action, input] of [
      ['acceptOrder', { orderId, prepMinutes: 0 }],
      ['markReady', { orderId }],
    ] as const) {
      const response = await restaurantSite.mutation(action, { cookie: kitchen, input });
      expect(response.status, `${action}: ${JSON.stringify(response.body)}`).toBe(200);
    }
    expect(await stateOf()).toBe('Ready for pickup');

    const driver = await signedIn(driverSite, 'dana@example.com');
    for (const action of ['pickUp', 'deliver']) {
      const response = await driverSite.mutation(action, { cookie: driver, input: { orderId } });
      expect(response.status, `${action}: ${JSON.stringify(response.body)}`).toBe(200);
    }
    expect(await stateOf()).toBe('Delivered');
  });

  it('stops every process on Ctrl-C, quietly', async () => {
    process.kill(-dev.pid!, 'SIGINT');
    // npm itself ends on the signal, as in a terminal; the dev runner stops the rest and says so.
    const { code, signal } = await exited;
    expect(code === 0 || signal === 'SIGINT', `npm exited with ${code ?? signal}`).toBe(true);
    await waitForOutput(/\[dev\] stopped/, 30_000);
    expect(output).not.toMatch(/ELIFECYCLE|npm (ERR!|error)|run failed/);
    for (const port of DEV_PORTS)
      expect(await portAnswers(`127.0.0.1:${port}`), `port ${port}`).toBe(false);
  });
});
