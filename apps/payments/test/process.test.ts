import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  authorize,
  chargesOf,
  intentsOf,
  post,
  succeededChargesOf,
  tempDbPath,
  visaCharge,
} from './helpers';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** The sandbox logs JSON lines: their messages, in order. */
const messagesIn = (output: string): string[] =>
  output
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { msg: string }).msg);

interface RunningProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `src/main.ts` in its own Node process (one process: tsx as a loader, not its CLI). */
function launch(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: packageDir,
    env: { ...process.env, PAYMENTS_HOST: '127.0.0.1', PAYMENTS_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

async function start(env: Record<string, string>): Promise<RunningProcess> {
  const launched = launch(env);
  const url = await new Promise<string>((resolve, reject) => {
    const watch = setInterval(() => {
      const match = /listening on (http:\/\/\S+)/.exec(launched.output());
      if (match?.[1]) {
        clearInterval(watch);
        resolve(match[1]);
      }
    }, 25);
    void launched.exited.then(() => {
      clearInterval(watch);
      reject(new Error(`payments exited before listening:\n${launched.output()}`));
    });
  });
  return { ...launched, url };
}

describe('the payments process', () => {
  it('keeps every committed charge through kill -9', { timeout: 30_000 }, async () => {
    const dbPath = tempDbPath();
    const first = await start({ PAYMENTS_DB_PATH: dbPath });
    const charge = await post(first, '/v1/charges', visaCharge('order-1'), { key: 'k-1' });
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });

    const second = await start({ PAYMENTS_DB_PATH: dbPath });
    const replay = await post(second, '/v1/charges', visaCharge('order-1'), { key: 'k-1' });

    expect(charge.status).toBe(200);
    expect(await chargesOf(second, 'order-1')).toEqual([charge.body]);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(replay.text).toBe(charge.text);
  });

  it(
    'keeps an authorization and then its capture through kill -9',
    { timeout: 30_000 },
    async () => {
      const dbPath = tempDbPath();
      const first = await start({ PAYMENTS_DB_PATH: dbPath });
      const authorized = await authorize(first, 'order-1');
      first.child.kill('SIGKILL');
      await first.exited;

      const second = await start({ PAYMENTS_DB_PATH: dbPath });
      const heldAfterKill = await intentsOf(second, 'order-1');
      const capturePath = `/v1/payment_intents/${authorized.id}/capture`;
      const captured = await post(second, capturePath, {}, { key: 'k-capture' });
      second.child.kill('SIGKILL');
      await second.exited;

      const third = await start({ PAYMENTS_DB_PATH: dbPath });
      const replay = await post(third, capturePath, {}, { key: 'k-capture' });

      expect(heldAfterKill).toEqual([authorized]);
      expect(captured.body).toMatchObject({ status: 'succeeded', amount_received: 2_350 });
      expect(await intentsOf(third, 'order-1')).toEqual([captured.body]);
      const charges = await succeededChargesOf(third, 'order-1');
      expect(charges.map((charge) => charge.id)).toEqual([captured.body.latest_charge]);
      expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
      expect(replay.text).toBe(captured.text);
    },
  );

  it(
    'logs its settings, then each request, and exits 0 on SIGTERM',
    { timeout: 30_000 },
    async () => {
      const dbPath = tempDbPath();
      const running = await start({
        PAYMENTS_DB_PATH: dbPath,
        PAYMENT_FAILURE_RATE: '0.25',
        PAYMENT_LATENCY_MS: '5',
        PAYMENT_COMMIT_DELAY_MS: '7',
        PAYMENT_REFUNDS_REFUSED: 'true',
      });
      await fetch(`${running.url}/health`);

      running.child.kill('SIGTERM');

      expect(await running.exited).toEqual({ code: 0, signal: null });
      const lines = messagesIn(running.output());
      expect(lines[0]).toBe(
        `listening on ${running.url} | ledger ${dbPath} | ` +
          'PAYMENT_FAILURE_RATE=0.25 | PAYMENT_LATENCY_MS=5 | PAYMENT_COMMIT_DELAY_MS=7 | ' +
          'PAYMENT_REFUNDS_REFUSED=true',
      );
      expect(lines).toContain('GET /health 200');
      expect(lines.at(-1)).toBe('SIGTERM received, closing');
    },
  );

  it.each([
    ['PAYMENT_FAILURE_RATE', '2', 'PAYMENT_FAILURE_RATE must be between 0 and 1, got 2.'],
    [
      'PAYMENT_REFUNDS_REFUSED',
      'yes',
      'PAYMENT_REFUNDS_REFUSED must be 1, true, 0 or false, got "yes".',
    ],
    [
      'PAYMENT_COMMIT_DELAY_MS',
      '-1',
      'The commit delay must be a non-negative number of ms, got -1.',
    ],
  ])('refuses to start with %s=%s', { timeout: 30_000 }, async (name, value, message) => {
    const launched = launch({ PAYMENTS_DB_PATH: tempDbPath(), [name]: value });

    expect(await launched.exited).toEqual({ code: 1, signal: null });
    expect(messagesIn(launched.output())).toContain(`cannot start: ${message}`);
  });

  it(
    'commits nothing when killed while a commit is pending, leaving the key free',
    { timeout: 30_000 },
    async () => {
      const dbPath = tempDbPath();
      const first = await start({ PAYMENTS_DB_PATH: dbPath, PAYMENT_COMMIT_DELAY_MS: '10000' });
      const abandoned = post(first, '/v1/charges', visaCharge('order-1'), { key: 'k-1' });
      // Ample time for the first POST to reach the server and start waiting with its key held.
      await sleep(300);
      const conflict = await post(first, '/v1/charges', visaCharge('order-1'), {
        key: 'k-1',
        signal: AbortSignal.timeout(2_000),
      });
      first.child.kill('SIGKILL');
      await expect(abandoned).rejects.toThrow();
      await first.exited;

      const second = await start({ PAYMENTS_DB_PATH: dbPath });
      const charged = await chargesOf(second, 'order-1');
      const retry = await post(second, '/v1/charges', visaCharge('order-1'), { key: 'k-1' });

      expect(conflict.body.error.code).toBe('idempotency_key_in_use');
      expect(charged).toEqual([]);
      expect(retry.status).toBe(200);
      expect(retry.headers.get('Idempotent-Replayed')).toBeNull();
      expect(await chargesOf(second, 'order-1')).toEqual([retry.body]);
    },
  );
});
