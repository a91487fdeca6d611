import { describe, expect, it } from 'vitest';
import {
  authorize,
  chargesOf,
  intentsOf,
  post,
  request,
  startServer,
  succeededChargesOf,
  visaAuthorization,
  visaCharge,
  type TestServer,
} from './helpers';

describe('Idempotency-Key', () => {
  it('replays the stored response byte for byte, with Idempotent-Replayed', async () => {
    const server = await startServer();
    const first = await post(server, '/v1/charges', visaCharge('order-1'), { key: 'k-1' });

    const second = await post(server, '/v1/charges', visaCharge('order-1'), { key: 'k-1' });

    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(second.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await chargesOf(server, 'order-1')).toHaveLength(1);
  });

  it('replays a decline as the same 402 without a second attempt', async () => {
    const server = await startServer();
    const params = visaCharge('order-2', { payment_method: 'pm_card_chargeDeclined' });
    const first = await post(server, '/v1/charges', params, { key: 'k-2' });

    const second = await post(server, '/v1/charges', params, { key: 'k-2' });

    expect(first.status).toBe(402);
    expect(second.status).toBe(402);
    expect(second.text).toBe(first.text);
    expect(second.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await chargesOf(server, 'order-2')).toHaveLength(1);
  });

  it('treats a form body and a JSON body with the same params as the same request', async () => {
    const server = await startServer();
    const first = await post(server, '/v1/charges', visaCharge('order-3'), {
      key: 'k-3',
      encoding: 'form',
    });

    const second = await post(server, '/v1/charges', visaCharge('order-3'), {
      key: 'k-3',
      encoding: 'json',
    });

    expect(second.headers.get('Idempotent-Replayed')).toBe('true');
    expect(second.text).toBe(first.text);
  });

  it('answers 400 idempotency_error when a key is reused with other params', async () => {
    const server = await startServer();
    const first = await post(server, '/v1/charges', visaCharge('order-4'), { key: 'k-4' });

    const reused = await post(server, '/v1/charges', visaCharge('order-4', { amount: 9_999 }), {
      key: 'k-4',
    });

    expect(first.status).toBe(200);
    expect(reused.status).toBe(400);
    expect(reused.body.error.type).toBe('idempotency_error');
    expect(reused.body.error.message).toContain('k-4');
    expect(reused.headers.get('Idempotent-Replayed')).toBeNull();
    const charges = await chargesOf(server, 'order-4');
    expect(charges.map((charge) => charge.amount)).toEqual([2_350]);
  });

  it('answers 400 idempotency_error when a key is reused on another endpoint', async () => {
    const server = await startServer();
    const charge = await post(server, '/v1/charges', visaCharge('order-5'), { key: 'k-5' });

    const refund = await post(server, '/v1/refunds', { charge: charge.body.id }, { key: 'k-5' });

    expect(refund.status).toBe(400);
    expect(refund.body.error.type).toBe('idempotency_error');
  });

  it.each([
    ['missing', undefined],
    ['blank', '  '],
    ['longer than 255 characters', 'k'.repeat(256)],
  ])('rejects a POST whose key is %s with 400 and moves no money', async (_, key) => {
    const server = await startServer();

    const { status, body } = await post(server, '/v1/charges', visaCharge('order-6'), { key });

    expect(status).toBe(400);
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toContain('Idempotency-Key');
    expect(await chargesOf(server, 'order-6')).toEqual([]);
  });

  it('says that requiring the key is stricter than Stripe', async () => {
    const server = await startServer();

    const { body } = await post(server, '/v1/refunds', { charge: 'ch_x' });

    expect(body.error.message).toContain('stricter than Stripe');
  });

  it('does not spend the key on a request rejected by validation', async () => {
    const server = await startServer();
    const invalid = await post(server, '/v1/charges', visaCharge('order-7', { amount: 0 }), {
      key: 'k-7',
    });

    const valid = await post(server, '/v1/charges', visaCharge('order-7'), { key: 'k-7' });

    expect(invalid.status).toBe(400);
    expect(valid.status).toBe(200);
    expect(valid.headers.get('Idempotent-Replayed')).toBeNull();
  });

  it('moves money once when 20 requests with one key arrive together', async () => {
    const server = await startServer({ latencyMs: 20 });
    const body = new URLSearchParams({
      amount: '2350',
      currency: 'usd',
      payment_method: 'pm_card_visa',
      order_id: 'order-8',
    }).toString();

    const replies = await Promise.all(
      Array.from({ length: 20 }, () =>
        request(server, '/v1/charges', {
          method: 'POST',
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            'Idempotency-Key': 'k-8',
          },
          body,
        }),
      ),
    );

    expect(replies.map((reply) => reply.status)).toEqual(Array(20).fill(200));
    expect(new Set(replies.map((reply) => reply.body.id)).size).toBe(1);
    const replayed = replies.filter((reply) => reply.headers.get('Idempotent-Replayed'));
    expect(replayed).toHaveLength(19);
    const succeeded = await succeededChargesOf(server, 'order-8');
    expect(succeeded.map((charge) => charge.id)).toEqual([replies[0]?.body.id]);
  });
});

describe('Idempotency-Key on the PaymentIntent POSTs', () => {
  /** Each POST with its params and other params; capture and cancel act on a held intent. */
  const endpoints = {
    authorize: async () => ({
      path: '/v1/payment_intents',
      params: visaAuthorization('order-pi'),
      other: visaAuthorization('order-pi', { amount: 999 }),
    }),
    capture: async (server: TestServer) => ({
      path: `/v1/payment_intents/${(await authorize(server, 'order-pi')).id}/capture`,
      params: {},
      other: { amount_to_capture: 1_000 },
    }),
    cancel: async (server: TestServer) => ({
      path: `/v1/payment_intents/${(await authorize(server, 'order-pi')).id}/cancel`,
      params: { cancellation_reason: 'abandoned' },
      other: { cancellation_reason: 'duplicate' },
    }),
  };

  async function ledgerOf(server: TestServer) {
    return {
      intents: await intentsOf(server, 'order-pi'),
      charges: await chargesOf(server, 'order-pi'),
    };
  }

  it.each(Object.keys(endpoints) as Array<keyof typeof endpoints>)(
    '%s: replays the first response to the same params and refuses other params',
    async (name) => {
      const server = await startServer();
      const { path, params, other } = await endpoints[name](server);
      const first = await post(server, path, params, { key: 'k-pi' });
      const ledger = await ledgerOf(server);

      const replay = await post(server, path, params, { key: 'k-pi', encoding: 'json' });
      const reused = await post(server, path, other, { key: 'k-pi' });

      expect(first.status).toBe(200);
      expect(replay.status).toBe(200);
      expect(replay.text).toBe(first.text);
      expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
      expect(reused.status).toBe(400);
      expect(reused.body.error).toMatchObject({ type: 'idempotency_error' });
      expect(reused.body.error.message).toContain('k-pi');
      expect(await ledgerOf(server)).toEqual(ledger);
      expect(ledger.intents.map((intent) => intent.id)).toEqual([first.body.id]);
    },
  );

  it('replays metadata given in another order as the same request', async () => {
    const server = await startServer();
    const metadata = { order_id: 'order-pi', site: 'menu', table: '7' };
    const first = await post(
      server,
      '/v1/payment_intents',
      visaAuthorization('order-pi', { metadata }),
      { key: 'k-meta' },
    );

    const reordered = await post(
      server,
      '/v1/payment_intents',
      visaAuthorization('order-pi', {
        metadata: { table: '7', site: 'menu', order_id: 'order-pi' },
      }),
      { key: 'k-meta', encoding: 'json' },
    );

    expect(reordered.headers.get('Idempotent-Replayed')).toBe('true');
    expect(reordered.text).toBe(first.text);
    expect(await intentsOf(server, 'order-pi')).toHaveLength(1);
  });
});
