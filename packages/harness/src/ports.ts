import { connect, createServer } from 'node:net';

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
