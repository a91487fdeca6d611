import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { ManagedProcess } from './managed-process';
import { PORTS, portAnswers } from './ports';
import { repoRoot } from './repo-root';

/** The test run's server: scripts/test.mjs starts it and says where in TEMPORAL_ADDRESS. */
export const temporalAddress = (): string =>
  process.env.TEMPORAL_ADDRESS ?? `127.0.0.1:${PORTS.test.temporal}`;

/**
 * A Temporal dev server for tests: in memory unless `db` is given (then it survives a restart).
 * The CLI binary itself is the process, so a SIGKILL takes the server down for real.
 */
export function temporalServer(
  options: { port?: number; db?: string; metricsPort?: number } = {},
): ManagedProcess {
  const port = options.port ?? PORTS.test.temporal;
  const flags = [
    '--port',
    String(port),
    ...(options.db ? ['--db', options.db] : ['--ephemeral']),
    ...(options.metricsPort ? ['--metrics-port', String(options.metricsPort)] : []),
  ];
  const { cli, args } = JSON.parse(
    execFileSync(process.execPath, [join(repoRoot, 'scripts/temporal.mjs'), 'command', ...flags], {
      encoding: 'utf8',
    }),
  ) as { cli: string; args: string[] };
  return new ManagedProcess({
    name: 'temporal',
    command: cli,
    args,
    cwd: repoRoot,
    ready: () => waitForTemporal(port),
  });
}

/** Resolves once the Temporal frontend on `port` answers a health check, not just a connection. */
export async function waitForTemporal(port: number): Promise<void> {
  await waitUntil(() => portAnswers(`127.0.0.1:${port}`), 120_000, `Temporal on port ${port}`);
  // The port opens before the frontend serves: wait for a real answer.
  await waitUntil(
    async () => {
      try {
        const connection = await Connection.connect({
          address: `127.0.0.1:${port}`,
          connectTimeout: 2_000,
        });
        await connection.healthService.check({});
        await connection.close();
        return true;
      } catch {
        return false;
      }
    },
    60_000,
    `Temporal health on port ${port}`,
  );
}

async function waitUntil(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} not ready within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
