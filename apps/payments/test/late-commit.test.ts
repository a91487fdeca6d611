import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  authorize,
  chargesOf,
  get,
  intentsOf,
  post,
  startServer,
  succeededChargesOf,
  visaAuthorization,
  visaCharge,
  type Endpoint,
  type TestServer,
} from './helpers';

/** What `read` lists once it lists anything, polling for at most `withinMs`. */
async function awaitAny<T>(read: () => Promise<T[]>, withinMs: number): Promise<T[]> {
  const deadline = performance.now() + withinMs;
  let records = await read();
  while (records.length === 0 && performance.now() < deadline) {
    await sleep(20);
    records = await read();
  }
  return records;
}

/** The order's charges once there are any, polling for at most `withinMs`. */
function awaitCharges(server: Endpoint, orderId: string, withinMs: number) {
  return awaitAny(() => chargesOf(server, orderId), withinMs);
}

describe('late commit', () => {
  it('commits a charge after its client gave up, answering 409 to its key meanwhile', async () => {
    const server = await startServer({ commitDelayMs: 1_000 });
    const started = performance.now();

    const abandoned = post(server, '/v1/charges', visaCharge('order-late'), {
      key: 'late',
      signal: AbortSignal.timeout(200),
    });
    await expect(abandoned).rejects.toMatchObject({ name: 'TimeoutError' });
    const chargedWhenAbandoned = await chargesOf(server, 'order-late');
    const concurrent = await post(server, '/v1/charges', visaCharge('order-late'), { key: 'late' });
    const concurrentAnsweredAt = performance.now() - started;
    const charged = await awaitCharges(server, 'order-late', 3_000);
    const committedAt = performance.now() - started;
    const retry = await post(server, '/v1/charges', visaCharge('order-late'), { key: 'late' });
    const retryTook = performance.now() - started - committedAt;

    expect(chargedWhenAbandoned).toEqual([]);
    expect(concurrentAnsweredAt).toBeLessThan(1_000);
    expect(concurrent.status).toBe(409);
    expect(concurrent.headers.get('Idempotent-Replayed')).toBeNull();
    expect(concurrent.body).toEqual({
      error: {
        type: 'idempotency_error',
        code: 'idempotency_key_in_use',
        message: expect.stringContaining("'late'"),
      },
    });
    expect(charged).toHaveLength(1);
    expect(charged[0]).toMatchObject({ status: 'succeeded', amount: 2_350 });
    expect(committedAt).toBeGreaterThanOrEqual(990);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect(retry.body.id).toBe(charged[0]?.id);
    // A replay moves nothing, so it does not wait out another commit delay.
    expect(retryTook).toBeLessThan(500);
    expect(await chargesOf(server, 'order-late')).toEqual([retry.body]);
    expect(server.logs).toContain(
      `POST /v1/charges key=late 200 committed after the client left, ${retry.body.id} succeeded`,
    );
    expect(server.errors).toEqual([]);
  });

  it('delays refunds too, set on a running server, holding only the waiting key', async () => {
    const server = await startServer();
    const charge = await post(server, '/v1/charges', visaCharge('order-r'), { key: 'r:charge' });
    server.faults.commitDelayMs = 500;

    const refunding = post(server, '/v1/refunds', { charge: charge.body.id }, { key: 'r:refund' });
    const otherKey = post(server, '/v1/charges', visaCharge('order-other'), { key: 'o:charge' });
    await sleep(100);
    const refundsWhileWaiting = await get(server, '/v1/refunds?order_id=order-r');
    const sameKey = await post(
      server,
      '/v1/refunds',
      { charge: charge.body.id },
      { key: 'r:refund' },
    );
    const [refund, other] = await Promise.all([refunding, otherKey]);

    expect(refundsWhileWaiting.body.data).toEqual([]);
    expect(sameKey.status).toBe(409);
    expect(sameKey.body.error.code).toBe('idempotency_key_in_use');
    expect(refund.status).toBe(200);
    expect(other.status).toBe(200);
    const refunds = await get(server, '/v1/refunds?order_id=order-r');
    expect(refunds.body.data).toEqual([refund.body]);
  });

  it('commits before the latency, which still delays the answer', async () => {
    const server = await startServer({ commitDelayMs: 300, latencyMs: 300 });
    const started = performance.now();
    let answered = false;

    const pending = post(server, '/v1/charges', visaCharge('order-both'), { key: 'both' }).then(
      (reply) => {
        answered = true;
        return reply;
      },
    );
    const charged = await awaitCharges(server, 'order-both', 1_000);
    const committedAt = performance.now() - started;
    const committedBeforeAnswer = !answered;
    const reply = await pending;

    expect(charged).toHaveLength(1);
    expect(committedAt).toBeGreaterThanOrEqual(290);
    expect(committedBeforeAnswer).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(590);
    expect(reply.body.id).toBe(charged[0]?.id);
  });

  it('lets a pending commit finish on close, though its client has gone', async () => {
    const server = await startServer({ commitDelayMs: 500 });

    await expect(
      post(server, '/v1/charges', visaCharge('order-close'), {
        key: 'close',
        signal: AbortSignal.timeout(100),
      }),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
    await server.close();

    const db = new Database(server.dbPath, { readonly: true });
    const charges = db
      .prepare('SELECT status FROM charges WHERE order_id = ?')
      .pluck()
      .all('order-close');
    db.close();
    expect(charges).toEqual(['succeeded']);
    expect(server.errors).toEqual([]);
  });

  /** A POST that moves money, and what the ledger lists once it has. */
  const moves = {
    authorize: async (server: TestServer) => ({
      path: '/v1/payment_intents',
      params: visaAuthorization('order-pi'),
      moved: () => intentsOf(server, 'order-pi'),
    }),
    capture: async (server: TestServer) => ({
      path: `/v1/payment_intents/${(await authorize(server, 'order-pi')).id}/capture`,
      params: {},
      moved: () => succeededChargesOf(server, 'order-pi'),
    }),
  };

  it.each(Object.keys(moves) as Array<keyof typeof moves>)(
    'commits %s after its client gave up; a retry with its key gets what committed',
    async (name) => {
      const server = await startServer();
      const { path, params, moved } = await moves[name](server);
      server.faults.commitDelayMs = 600;

      const abandoned = post(server, path, params, {
        key: 'late-pi',
        signal: AbortSignal.timeout(150),
      });
      await expect(abandoned).rejects.toMatchObject({ name: 'TimeoutError' });
      const movedWhenAbandoned = await moved();
      const concurrent = await post(server, path, params, { key: 'late-pi' });
      const committed = await awaitAny(moved, 3_000);
      const retry = await post(server, path, params, { key: 'late-pi' });

      expect(movedWhenAbandoned).toEqual([]);
      expect(concurrent.status).toBe(409);
      expect(concurrent.body.error.code).toBe('idempotency_key_in_use');
      expect(committed).toHaveLength(1);
      expect(retry.status).toBe(200);
      expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
      expect([retry.body.id, retry.body.latest_charge]).toContain(committed[0]?.id);
      expect(await moved()).toEqual(committed);
      expect(server.logs.join('\n')).toContain(
        `${path} key=late-pi 200 committed after the client left`,
      );
    },
  );
});
