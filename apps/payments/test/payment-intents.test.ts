import { describe, expect, it } from 'vitest';
import {
  chargesOf,
  DECLINED_CARDS,
  get,
  intentsOf,
  post,
  request,
  startServer,
  visaAuthorization,
} from './helpers';

describe('POST /v1/payment_intents', () => {
  it('authorizes pm_card_visa, holding the amount without charging it', async () => {
    const server = await startServer();
    const before = Math.floor(Date.now() / 1000);

    const { status, body, headers } = await post(
      server,
      '/v1/payment_intents',
      visaAuthorization('order-1', {
        customer: 'cus_alice',
        metadata: { order_id: 'order-1', site: 'menu' },
      }),
      { key: 'order-1:authorize' },
    );

    expect(status).toBe(200);
    expect(headers.get('Idempotent-Replayed')).toBeNull();
    expect(body).toEqual({
      id: expect.stringMatching(/^pi_[0-9a-f]{24}$/),
      object: 'payment_intent',
      amount: 2_350,
      amount_capturable: 2_350,
      amount_received: 0,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: 'manual',
      created: expect.any(Number),
      currency: 'usd',
      customer: 'cus_alice',
      description: null,
      latest_charge: null,
      metadata: { order_id: 'order-1', site: 'menu' },
      payment_method: 'pm_card_visa',
      status: 'requires_capture',
    });
    expect(body.created).toBeGreaterThanOrEqual(before);
    expect(await intentsOf(server, 'order-1')).toEqual([body]);
    expect((await get(server, `/v1/payment_intents/${body.id}`)).body).toEqual(body);
    // A hold moves no money, so the order has no charge yet.
    expect(await chargesOf(server, 'order-1')).toEqual([]);
  });

  it.each(DECLINED_CARDS)(
    'declines %s with 402 %s, leaving the intent to a new card',
    async (card, code, message) => {
      const server = await startServer();

      const { status, body } = await post(
        server,
        '/v1/payment_intents',
        visaAuthorization('order-2', { payment_method: card }),
        { key: 'order-2:authorize' },
      );

      expect(status).toBe(402);
      expect(body.error).toMatchObject({
        type: 'card_error',
        code: 'card_declined',
        decline_code: code,
        message,
        payment_intent: {
          object: 'payment_intent',
          status: 'requires_payment_method',
          amount_capturable: 0,
          amount_received: 0,
          latest_charge: body.error.charge,
        },
      });
      expect(await intentsOf(server, 'order-2')).toEqual([body.error.payment_intent]);
      const attempts = await chargesOf(server, 'order-2');
      expect(attempts).toHaveLength(1);
      expect(attempts[0]).toMatchObject({
        id: body.error.charge,
        status: 'failed',
        amount: 2_350,
        failure_code: 'card_declined',
        payment_intent: body.error.payment_intent.id,
      });
    },
  );

  it('takes a JSON body with a metadata object, as the same request as the form', async () => {
    const server = await startServer();

    const json = await post(server, '/v1/payment_intents', visaAuthorization('order-3'), {
      key: 'order-3:authorize',
      encoding: 'json',
    });
    const form = await post(server, '/v1/payment_intents', visaAuthorization('order-3'), {
      key: 'order-3:authorize',
      encoding: 'form',
    });

    expect(json.status).toBe(200);
    expect(json.body.metadata).toEqual({ order_id: 'order-3' });
    expect(form.headers.get('Idempotent-Replayed')).toBe('true');
    expect(form.text).toBe(json.text);
    expect(await intentsOf(server, 'order-3')).toHaveLength(1);
  });

  it('answers 400 resource_missing for an unknown payment method and records nothing', async () => {
    const server = await startServer();

    const { status, body } = await post(
      server,
      '/v1/payment_intents',
      visaAuthorization('order-4', { payment_method: 'pm_card_amex' }),
      { key: 'order-4:authorize' },
    );

    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'resource_missing', param: 'payment_method' });
    expect(await intentsOf(server, 'order-4')).toEqual([]);
  });

  it.each([
    ['an automatic capture', { capture_method: 'automatic' }, 'capture_method', undefined],
    ['no capture method', { capture_method: null }, 'capture_method', 'parameter_missing'],
    ['confirm=false', { confirm: 'false' }, 'confirm', undefined],
    ['no confirm', { confirm: null }, 'confirm', 'parameter_missing'],
    ['a zero amount', { amount: 0 }, 'amount', undefined],
    ['a currency other than usd', { currency: 'eur' }, 'currency', undefined],
    ['no metadata', { metadata: null }, 'metadata', 'parameter_missing'],
    [
      'metadata without order_id',
      { metadata: { site: 'menu' } },
      'metadata[order_id]',
      'parameter_missing',
    ],
    ['an empty order id', { metadata: { order_id: '' } }, 'metadata[order_id]', undefined],
    [
      'a metadata value over 500 characters',
      { metadata: { order_id: 'order-5', note: 'x'.repeat(501) } },
      'metadata[note]',
      undefined,
    ],
    [
      'a metadata key over 40 characters',
      { metadata: { order_id: 'order-5', ['k'.repeat(41)]: 'v' } },
      'metadata',
      undefined,
    ],
    ['metadata as a plain value', { metadata: 'order-5' }, 'metadata', undefined],
    ['an unknown parameter', { order_id: 'order-5' }, 'order_id', 'parameter_unknown'],
  ])('rejects %s with 400 naming the param', async (_, overrides, param, code) => {
    const server = await startServer();

    const { status, body } = await post(
      server,
      '/v1/payment_intents',
      visaAuthorization('order-5', overrides),
      { key: 'order-5:authorize' },
    );

    expect(status).toBe(400);
    expect(body.error).toMatchObject({ type: 'invalid_request_error', param });
    expect(body.error.code).toBe(code);
    expect(body.error.message).toContain(param);
    expect(await intentsOf(server, 'order-5')).toEqual([]);
  });

  it('answers 400 to a form param given both as a value and a hash', async () => {
    const server = await startServer();

    const reply = await request(server, '/v1/payment_intents', {
      method: 'POST',
      headers: {
        'Idempotency-Key': 'mixed',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'metadata=x&metadata[order_id]=order-6',
    });

    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toBe(
      'Parameter metadata was given both as a value and a hash.',
    );
  });
});

describe('GET /v1/payment_intents/:id', () => {
  it('answers 404 resource_missing for an unknown id', async () => {
    const server = await startServer();

    const { status, body } = await get(server, '/v1/payment_intents/pi_doesnotexist');

    expect(status).toBe(404);
    expect(body.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'resource_missing',
      param: 'intent',
      message: "No such payment_intent: 'pi_doesnotexist'",
    });
  });
});
