import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { chargesOf, get, post, startServer, visaCharge, type Endpoint } from './helpers';

/** The order's charges once there are any, polling for at most `withinMs`. */
async function awaitCharges(server: Endpoint, orderId: string, withinMs: number) {
  const deadline = performance.now() + withinMs;
  let charges = await chargesOf(server, orderId);
  while (charges.length === 0 && performance.now() < deadline) {
    await sleep(20);
    charges = await chargesOf(server, orderId);
  }
  return charges;
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
});
