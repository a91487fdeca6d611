import { readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';

/**
 * Where every test stack listens, from `ports.json` (which scripts/test.mjs reads too): apart
 * from `pnpm dev` (x233, scripts/dev.mjs) and from each other, so the dev stack, the test run,
 * the suites that run their own Temporal server (crash) and the bench can all run at once.
 */
export const PORTS: typeof import('../ports.json') = JSON.parse(
  readFileSync(new URL('../ports.json', import.meta.url), 'utf8'),
);

export const localUrl = (port: number): string => `http://127.0.0.1:${port}`;

/** Whether something accepts TCP connections at `host:port`. */
export function portAnswers(address: string): Promise<boolean> {
  const [host = '127.0.0.1', port] = address.includes(':')
    ? address.split(':')
    : ['127.0.0.1', address];
  return new Promise((resolve) => {
    const socket = connect({ host, port: Number(port) });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** A port nothing listens on right now, for a service a test starts (and may restart on it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
