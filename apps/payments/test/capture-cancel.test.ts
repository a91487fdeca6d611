import { describe, expect, it } from 'vitest';
import {
  authorize,
  chargesOf,
  intentsOf,
  post,
  startServer,
  succeededChargesOf,
  visaAuthorization,
  type TestServer,
} from './helpers';

function capture(server: TestServer, id: string, params = {}, key = `${id}:capture`) {
  return post(server, `/v1/payment_intents/${id}/capture`, params, { key });
}

function cancel(server: TestServer, id: string, params = {}, key = `${id}:cancel`) {
  return post(server, `/v1/payment_intents/${id}/cancel`, params, { key });
}

async function declinedIntent(server: TestServer, orderId: string): Promise<string> {
  const { status, body } = await post(
    server,
    '/v1/payment_intents',
    visaAuthorization(orderId, { payment_method: 'pm_card_chargeDeclined' }),
    { key: `${orderId}:authorize` },
  );
  expect(status).toBe(402);
  return body.error.payment_intent.id as string;
}

describe('POST /v1/payment_intents/:id/capture', () => {
  it('captures the whole amount, charging it once', async () => {
    const server = await startServer();
    const intent = await authorize(server, 'order-1', 4_200);

    const { status, body } = await capture(server, intent.id);

    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: intent.id,
      status: 'succeeded',
      amount: 4_200,
      amount_capturable: 0,
      amount_received: 4_200,
      latest_charge: expect.stringMatching(/^ch_/),
    });
    expect(await intentsOf(server, 'order-1')).toEqual([body]);
    const charges = await succeededChargesOf(server, 'order-1');
    expect(charges).toHaveLength(1);
    expect(charges[0]).toMatchObject({
      id: body.latest_charge,
      amount: 4_200,
      payment_method: 'pm_card_visa',
      order_id: 'order-1',
      payment_intent: intent.id,
    });
  });

  it('captures part of the amount, releasing the rest', async () => {
    const server = await startServer();
    const intent = await authorize(server, 'order-2', 4_200);

    const { status, body } = await capture(server, intent.id, { amount_to_capture: 3_000 });

    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'succeeded',
      amount: 4_200,
      amount_capturable: 0,
      amount_received: 3_000,
    });
    expect((await chargesOf(server, 'order-2')).map((charge) => charge.amount)).toEqual([3_000]);
  });

  it('refuses to capture more than the amount held, and charges nothing', async () => {
    const server = await startServer();
    const intent = await authorize(server, 'order-3', 4_200);

    const { status, body } = await capture(server, intent.id, { amount_to_capture: 4_201 });

    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'amount_too_large', param: 'amount_to_capture' });
    expect(await chargesOf(server, 'order-3')).toEqual([]);
    expect((await intentsOf(server, 'order-3'))[0]?.status).toBe('requires_capture');
  });
});

describe('POST /v1/payment_intents/:id/cancel', () => {
  it('releases the hold with the reason given, charging nothing', async () => {
    const server = await startServer();
    const intent = await authorize(server, 'order-4');
    const before = Math.floor(Date.now() / 1000);

    const { status, body } = await cancel(server, intent.id, {
      cancellation_reason: 'requested_by_customer',
    });

    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: intent.id,
      status: 'canceled',
      amount_capturable: 0,
      amount_received: 0,
      cancellation_reason: 'requested_by_customer',
      latest_charge: null,
    });
    expect(body.canceled_at).toBeGreaterThanOrEqual(before);
    expect(await intentsOf(server, 'order-4')).toEqual([body]);
    expect(await chargesOf(server, 'order-4')).toEqual([]);
  });

  it('cancels without a reason, and closes a declined intent', async () => {
    const server = await startServer();
    const declined = await declinedIntent(server, 'order-5');

    const { status, body } = await cancel(server, declined);

    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'canceled', cancellation_reason: null });
    expect((await intentsOf(server, 'order-5'))[0]?.status).toBe('canceled');
  });

  it('rejects a reason Stripe does not know, naming the param', async () => {
    const server = await startServer();
    const intent = await authorize(server, 'order-6');

    const { status, body } = await cancel(server, intent.id, { cancellation_reason: 'bored' });

    expect(status).toBe(400);
    expect(body.error).toMatchObject({ param: 'cancellation_reason' });
    expect(body.error.message).toContain('requested_by_customer');
    expect((await intentsOf(server, 'order-6'))[0]?.status).toBe('requires_capture');
  });
});

describe('a capture or cancel the status does not allow', () => {
  it.each([
    ['capture a captured intent', 'capture', 'capture', 'succeeded'],
    ['capture a canceled intent', 'cancel', 'capture', 'canceled'],
    ['cancel a captured intent', 'capture', 'cancel', 'succeeded'],
    ['cancel a canceled intent', 'cancel', 'cancel', 'canceled'],
  ] as const)(
    'answers 400 payment_intent_unexpected_state to %s, with a new key',
    async (_, first, then, status) => {
      const server = await startServer();
      const intent = await authorize(server, 'order-7');
      const move = { capture, cancel };
      const settled = await move[first](server, intent.id);
      const chargesBefore = await chargesOf(server, 'order-7');

      const reply = await move[then](server, intent.id, {}, 'a-new-key');

      expect(settled.status).toBe(200);
      expect(reply.status).toBe(400);
      expect(reply.body.error).toMatchObject({
        type: 'invalid_request_error',
        code: 'payment_intent_unexpected_state',
        payment_intent: settled.body,
      });
      expect(reply.body.error.message).toContain(`status of ${status}`);
      expect(await intentsOf(server, 'order-7')).toEqual([settled.body]);
      expect(await chargesOf(server, 'order-7')).toEqual(chargesBefore);
    },
  );

  it('answers 400 payment_intent_unexpected_state to capturing a declined intent', async () => {
    const server = await startServer();
    const declined = await declinedIntent(server, 'order-8');

    const { status, body } = await capture(server, declined);

    expect(status).toBe(400);
    expect(body.error.code).toBe('payment_intent_unexpected_state');
    expect(await succeededChargesOf(server, 'order-8')).toEqual([]);
  });

  it.each(['capture', 'cancel'] as const)(
    'answers 404 resource_missing to %s of an unknown intent',
    async (action) => {
      const server = await startServer();

      const { status, body } = await post(
        server,
        `/v1/payment_intents/pi_doesnotexist/${action}`,
        {},
        { key: 'unknown' },
      );

      expect(status).toBe(404);
      expect(body.error).toMatchObject({ code: 'resource_missing', param: 'intent' });
    },
  );
});
