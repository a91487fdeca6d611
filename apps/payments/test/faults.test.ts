import { describe, expect, it } from 'vitest';
import { createPaymentsServer } from '../src/server';
import {
  authorize,
  chargesOf,
  get,
  intentsOf,
  post,
  refundsOf,
  startServer,
  succeededChargesOf,
  tempDbPath,
  visaAuthorization,
  visaCharge,
  type TestServer,
} from './helpers';

const INJECTED_FAULT = {
  error: {
    type: 'api_error',
    message: 'The payment provider is temporarily unavailable (injected fault).',
  },
};

describe('fault injection', () => {
  it.each([
    ['/v1/charges', visaCharge, succeededChargesOf],
    ['/v1/payment_intents', visaAuthorization, intentsOf],
  ])(
    'fails every POST %s with 503 at rate 1; retries with the same keys never pay twice',
    async (path, paramsOf, recordsOf) => {
      // 40 orders: the chance that the before/after halves are not both hit is 2 * 2^-40.
      const orders = Array.from({ length: 40 }, (_, i) => `order-${i}`);
      const server = await startServer({ failureRate: 1 });

      const failed = await Promise.all(
        orders.map((orderId) => post(server, path, paramsOf(orderId), { key: `${orderId}:pay` })),
      );
      expect(failed.map((reply) => reply.status)).toEqual(orders.map(() => 503));
      expect(
        failed.every((reply) => JSON.stringify(reply.body) === JSON.stringify(INJECTED_FAULT)),
      ).toBe(true);
      const movedBeforeRetry = new Map<string, string | undefined>();
      for (const orderId of orders) {
        const records = await recordsOf(server, orderId);
        expect(records.length).toBeLessThanOrEqual(1);
        movedBeforeRetry.set(orderId, records[0]?.id);
      }

      server.faults.failureRate = 0;
      const retried = await Promise.all(
        orders.map((orderId) => post(server, path, paramsOf(orderId), { key: `${orderId}:pay` })),
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
        const records = await recordsOf(server, orderId);
        expect(records.map((record) => record.id)).toEqual([reply.body.id]);
      }
      expect(afterCommit).toBeGreaterThan(0);
      expect(afterCommit).toBeLessThan(orders.length);
    },
  );

  /** A POST on an object already there, and the money it moved as the ledger shows it. */
  const actions = {
    refund: async (server: TestServer) => {
      const charge = await post(server, '/v1/charges', visaCharge('order-r'), { key: 'r:charge' });
      return {
        path: '/v1/refunds',
        params: { charge: charge.body.id },
        moved: async () => (await refundsOf(server, 'order-r')).map((refund) => refund.id),
        movedBy: (body: { id: string }) => [body.id],
      };
    },
    capture: async (server: TestServer) => {
      const intent = await authorize(server, 'order-r');
      return {
        path: `/v1/payment_intents/${intent.id}/capture`,
        params: {},
        moved: async () => (await succeededChargesOf(server, 'order-r')).map((charge) => charge.id),
        movedBy: (body: { latest_charge: string }) => [body.latest_charge],
      };
    },
    cancel: async (server: TestServer) => {
      const intent = await authorize(server, 'order-r');
      return {
        path: `/v1/payment_intents/${intent.id}/cancel`,
        params: {},
        moved: async () => (await intentsOf(server, 'order-r')).map((held) => held.status),
        movedBy: () => ['canceled'],
      };
    },
  };

  it.each(Object.keys(actions) as Array<keyof typeof actions>)(
    'fails %s too, and a retry after a lost response acts once',
    async (name) => {
      const server = await startServer();
      const { path, params, moved, movedBy } = await actions[name](server);
      const before = await moved();
      server.faults.failureRate = 1;

      const attempts = [await post(server, path, params, { key: 'r:act' })];
      const afterFirst = await moved();
      for (let i = 1; i < 10; i++)
        attempts.push(await post(server, path, params, { key: 'r:act' }));
      server.faults.failureRate = 0;
      const final = await post(server, path, params, { key: 'r:act' });

      expect(attempts.map((reply) => reply.status)).toEqual(Array(10).fill(503));
      expect(final.status).toBe(200);
      // Before processing nothing is written; after the commit only the answer is lost.
      expect([before, movedBy(final.body)]).toContainEqual(afterFirst);
      expect(await moved()).toEqual(movedBy(final.body));
    },
  );

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
