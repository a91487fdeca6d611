import { describe, expect, it } from 'vitest';
import { createPaymentsServer } from '../src/server';
import {
  chargesOf,
  get,
  post,
  startServer,
  succeededChargesOf,
  tempDbPath,
  visaCharge,
} from './helpers';

const INJECTED_FAULT = {
  error: {
    type: 'api_error',
    message: 'The payment provider is temporarily unavailable (injected fault).',
  },
};

describe('fault injection', () => {
  it('fails every POST with 503 at rate 1; retries with the same keys never charge twice', async () => {
    // 40 orders: the chance that the before/after halves are not both hit is 2 * 2^-40.
    const orders = Array.from({ length: 40 }, (_, i) => `order-${i}`);
    const server = await startServer({ failureRate: 1 });

    const failed = await Promise.all(
      orders.map((orderId) =>
        post(server, '/v1/charges', visaCharge(orderId), { key: `${orderId}:charge` }),
      ),
    );
    expect(failed.map((reply) => reply.status)).toEqual(orders.map(() => 503));
    expect(
      failed.every((reply) => JSON.stringify(reply.body) === JSON.stringify(INJECTED_FAULT)),
    ).toBe(true);
    const movedBeforeRetry = new Map<string, string | undefined>();
    for (const orderId of orders) {
      const charges = await succeededChargesOf(server, orderId);
      expect(charges.length).toBeLessThanOrEqual(1);
      movedBeforeRetry.set(orderId, charges[0]?.id);
    }

    server.faults.failureRate = 0;
    const retried = await Promise.all(
      orders.map((orderId) =>
        post(server, '/v1/charges', visaCharge(orderId), { key: `${orderId}:charge` }),
      ),
    );

    let afterCommit = 0;
    for (const [i, orderId] of orders.entries()) {
      const reply = retried[i]!;
      const chargedBefore = movedBeforeRetry.get(orderId);
      expect(reply.status).toBe(200);
      if (chargedBefore === undefined) {
        // Failed before processing: nothing was recorded, so the retry charges afresh.
        expect(reply.headers.get('Idempotent-Replayed')).toBeNull();
      } else {
        // Failed after the commit: the retry gets the charge that already happened.
        afterCommit++;
        expect(reply.headers.get('Idempotent-Replayed')).toBe('true');
        expect(reply.body.id).toBe(chargedBefore);
      }
      const charges = await chargesOf(server, orderId);
      expect(charges.map((charge) => charge.id)).toEqual([reply.body.id]);
    }
    expect(afterCommit).toBeGreaterThan(0);
    expect(afterCommit).toBeLessThan(orders.length);
  });

  it('fails refunds too, and a refund retried after a lost response refunds once', async () => {
    const server = await startServer();
    const charge = await post(server, '/v1/charges', visaCharge('order-r'), { key: 'r:charge' });
    server.faults.failureRate = 1;

    const attempts = [];
    for (let i = 0; i < 10; i++) {
      attempts.push(
        await post(server, '/v1/refunds', { charge: charge.body.id }, { key: 'r:refund' }),
      );
    }
    server.faults.failureRate = 0;
    const final = await post(
      server,
      '/v1/refunds',
      { charge: charge.body.id },
      { key: 'r:refund' },
    );

    expect(attempts.map((reply) => reply.status)).toEqual(Array(10).fill(503));
    expect(final.status).toBe(200);
    const refunds = await get(server, '/v1/refunds?order_id=order-r');
    expect(refunds.body.data.map((refund: { id: string }) => refund.id)).toEqual([final.body.id]);
  });

  it('never faults validation errors or GETs', async () => {
    const server = await startServer({ failureRate: 1 });

    const invalid = await post(server, '/v1/charges', visaCharge('order-v', { amount: 0 }), {
      key: 'v',
    });
    const list = await get(server, '/v1/charges');

    expect(invalid.status).toBe(400);
    expect(list.status).toBe(200);
  });

  it('answers POSTs only after the latency, with the money already committed', async () => {
    const server = await startServer({ latencyMs: 600 });
    const started = performance.now();
    let answered = false;

    const pending = post(server, '/v1/charges', visaCharge('order-slow'), { key: 'slow' }).then(
      (reply) => {
        answered = true;
        return reply;
      },
    );
    let committed: Awaited<ReturnType<typeof chargesOf>> = [];
    while (committed.length === 0 && performance.now() - started < 500) {
      committed = await chargesOf(server, 'order-slow');
    }
    const committedWhileWaiting = !answered && committed.length === 1;
    const reply = await pending;

    expect(committedWhileWaiting).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(590);
    expect(reply.status).toBe(200);
    expect(reply.body.id).toBe(committed[0]?.id);
  });

  it.each([
    [{ failureRate: 1.5 }, /failure rate/],
    [{ failureRate: -0.1 }, /failure rate/],
    [{ latencyMs: -1 }, /latency/],
    [{ commitDelayMs: -1 }, /commit delay/],
    [{ commitDelayMs: Number.NaN }, /commit delay/],
    [{ port: 70_000 }, /port/],
  ])('refuses to start with %o', async (settings, message) => {
    await expect(createPaymentsServer({ dbPath: tempDbPath(), ...settings })).rejects.toThrow(
      message,
    );
  });
});
