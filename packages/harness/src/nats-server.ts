import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ManagedProcess } from './managed-process';
import { portAnswers } from './ports';
import { repoRoot } from './repo-root';

/** Where Debian's package puts the server (`apt-get install nats-server`), off a user's PATH. */
const DEBIAN_NATS_SERVER = '/usr/sbin/nats-server';

/** `$NATS_SERVER`, a `nats-server` on PATH, or Debian's. */
export function natsServerBinary(): string {
  const onPath = (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, 'nats-server'))
    .find((candidate) => existsSync(candidate));
  const found = process.env.NATS_SERVER || onPath || DEBIAN_NATS_SERVER;
  if (!existsSync(found))
    throw new Error(
      `nats-server not found (${found}): \`apt-get install nats-server\`, or set NATS_SERVER`,
    );
  return found;
}

export interface NatsServerOptions {
  port: number;
  /** JetStream's store; a new temporary one by default. Keep it to restart on the same store. */
  storeDir?: string;
}

export const natsUrl = (port: number): string => `nats://127.0.0.1:${port}`;

/**
 * A real nats-server with JetStream on loopback, its store on disk: `stop('SIGKILL')` takes it
 * down for real, and `start()` (or `restart()`) brings it back with every stream it had.
 */
export function natsServer({
  port,
  storeDir = mkdtempSync(join(tmpdir(), 'nats-store-')),
}: NatsServerOptions): ManagedProcess {
  return new ManagedProcess({
    name: 'nats',
    command: natsServerBinary(),
    args: ['-js', '-sd', storeDir, '-a', '127.0.0.1', '-p', String(port)],
    cwd: repoRoot,
    ready: async (server) => {
      const offset = server.log.length;
      await server.waitForOutput(/Server is ready/, 30_000, offset);
      if (!(await portAnswers(`127.0.0.1:${port}`)))
        throw new Error(`nats-server says it is ready but port ${port} does not answer`);
    },
  });
}
