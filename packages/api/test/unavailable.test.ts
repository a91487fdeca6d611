import { randomUUID } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { TemporalAccess } from '../src';
import { customer } from './support/actors';
import { testConfig } from './support/services';
import { expectError } from './support/wait';

const realAddress = inject('temporalAddress');

/**
 * A port in front of the real Temporal: `down` drops every connection, `stalled` accepts and
 * never answers (a Temporal that has hung), `up` relays to Temporal.
 */
let front: Server;
let frontAddress: string;
let mode: 'down' | 'stalled' | 'up' = 'down';
const sockets = new Set<Socket>();
function track(socket: Socket): Socket {
  sockets.add(socket);
  socket.on('error', () => socket.destroy());
  return socket;
}
beforeAll(async () => {
  const separator = realAddress.lastIndexOf(':');
  const [host, port] = [realAddress.slice(0, separator), Number(realAddress.slice(separator + 1))];
  front = createServer((socket) => {
    track(socket);
    if (mode === 'down') socket.destroy();
    if (mode === 'up') socket.pipe(track(connect(port, host))).pipe(socket);
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const address = front.address();
  frontAddress = `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => {
  // grpc-js closes a half-open HTTP/2 session gracefully, which a silent peer never completes.
  sockets.forEach((socket) => socket.destroy());
  return new Promise<void>((resolve) => front.close(() => resolve()));
});

/** A Temporal client of its own, configured the way a site's is, with `settings` on top. */
const temporalAt = (address: string, settings: Record<string, string>) =>
  new TemporalAccess(testConfig({ TEMPORAL_ADDRESS: address, ...settings }).temporal);

/** A customer whose requests use their own Temporal client. */
function customerOf(temporal: TemporalAccess) {
  return customer({ context: { temporal } });
}

async function timed<T>(call: () => Promise<T>): Promise<number> {
  const startedAt = Date.now();
  await call();
  return Date.now() - startedAt;
}

describe('when Temporal cannot be reached', () => {
  it('fails fast with SERVICE_UNAVAILABLE, and connects on a later request once Temporal is back', async () => {
    const temporal = temporalAt(frontAddress, { TEMPORAL_CONNECT_TIMEOUT_MS: '500' });
    const { menu } = customerOf(temporal);
    mode = 'down';
    for (let attempt = 0; attempt < 2; attempt++) {
      const elapsed = await timed(() =>
        expectError(
          menu.myOrders(),
          'SERVICE_UNAVAILABLE',
          new RegExp(
            `^Temporal is unreachable at ${frontAddress.replaceAll('.', '\\.')} .*retrying`,
          ),
        ),
      );
      expect(elapsed).toBeLessThan(3_000);
    }
    mode = 'up';
    expect(await menu.myOrders()).toEqual([]);
    await temporal.close();
  });

  it('does not hang on a server that accepts connections but never answers', async () => {
    const temporal = temporalAt(frontAddress, { TEMPORAL_CONNECT_TIMEOUT_MS: '500' });
    mode = 'stalled';
    const elapsed = await timed(() =>
      expectError(
        customerOf(temporal).menu.getOrderStatus({ orderId: randomUUID() }),
        'SERVICE_UNAVAILABLE',
      ),
    );
    expect(elapsed).toBeLessThan(3_000);
  });

  it('bounds every call with a deadline', async () => {
    const temporal = temporalAt(realAddress, { TEMPORAL_RPC_TIMEOUT_MS: '1' });
    await temporal.client();
    await expectError(
      customerOf(temporal).menu.myOrders(),
      'SERVICE_UNAVAILABLE',
      `Temporal did not answer in time at ${realAddress}; try again.`,
    );
    await temporal.close();
  });
});
