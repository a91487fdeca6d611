import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { TemporalAccess } from '../src';
import { customer } from './support/actors';
import { expectError } from './support/wait';

const realAddress = inject('temporalAddress');

/** Accepts connections and never answers: a Temporal that has stalled. */
let blackHole: Server;
let blackHoleAddress: string;
const stalledSockets = new Set<Socket>();
beforeAll(async () => {
  blackHole = createServer((socket) => stalledSockets.add(socket));
  await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
  const address = blackHole.address();
  blackHoleAddress = `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => {
  // grpc-js closes a half-open HTTP/2 session gracefully, which a silent peer never completes.
  stalledSockets.forEach((socket) => socket.destroy());
  return new Promise<void>((resolve) => blackHole.close(() => resolve()));
});
afterEach(() => {
  process.env.TEMPORAL_ADDRESS = realAddress;
});

/** A customer whose requests use their own, fresh Temporal client. */
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
    const temporal = new TemporalAccess({ connectTimeoutMs: 500 });
    const { menu } = customerOf(temporal);
    process.env.TEMPORAL_ADDRESS = '127.0.0.1:1';
    for (let attempt = 0; attempt < 2; attempt++) {
      const elapsed = await timed(() =>
        expectError(
          menu.myOrders(),
          'SERVICE_UNAVAILABLE',
          /^Temporal is unreachable at 127\.0\.0\.1:1 .*retrying/,
        ),
      );
      expect(elapsed).toBeLessThan(3_000);
    }
    process.env.TEMPORAL_ADDRESS = realAddress;
    expect(await menu.myOrders()).toEqual([]);
    await temporal.close();
  });

  it('does not hang on a server that accepts connections but never answers', async () => {
    const temporal = new TemporalAccess({ connectTimeoutMs: 500 });
    process.env.TEMPORAL_ADDRESS = blackHoleAddress;
    const elapsed = await timed(() =>
      expectError(
        customerOf(temporal).menu.getOrderStatus({ orderId: randomUUID() }),
        'SERVICE_UNAVAILABLE',
      ),
    );
    expect(elapsed).toBeLessThan(3_000);
  });

  it('bounds every call with a deadline', async () => {
    const temporal = new TemporalAccess({ rpcTimeoutMs: 1 });
    await temporal.client();
    await expectError(
      customerOf(temporal).menu.myOrders(),
      'SERVICE_UNAVAILABLE',
      `Temporal did not answer in time at ${realAddress}; try again.`,
    );
    await temporal.close();
  });
});
