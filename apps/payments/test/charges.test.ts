import { describe, expect, it } from 'vitest';
import {
  chargesOf,
  DECLINED_CARDS,
  post,
  startServer,
  succeededChargesOf,
  visaCharge,
} from './helpers';

describe('POST /v1/charges', () => {
  it('charges pm_card_visa and answers a Stripe charge object', async () => {
    const server = await startServer();
    const before = Math.floor(Date.now() / 1000);

    const { status, body, headers } = await post(server, '/v1/charges', visaCharge('order-1'), {
      key: 'order-1:charge',
    });

    expect(status).toBe(200);
    expect(headers.get('Idempotent-Replayed')).toBeNull();
    expect(body).toMatchObject({
      object: 'charge',
      amount: 2_350,
      currency: 'usd',
      status: 'succeeded',
      paid: true,
      refunded: false,
      amount_refunded: 0,
      payment_method: 'pm_card_visa',
      customer: 'cus_alice',
      order_id: 'order-1',
      refunds: { object: 'list', data: [] },
    });
    expect(body.id).toMatch(/^ch_[0-9a-f]{24}$/);
    expect(body.created).toBeGreaterThanOrEqual(before);
    expect(body.created).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(await chargesOf(server, 'order-1')).toEqual([body]);
  });

  it.each(DECLINED_CARDS)(
    'declines %s with 402 %s and takes no money',
    async (paymentMethod, declineCode, message) => {
      const server = await startServer();

      const { status, body } = await post(
        server,
        '/v1/charges',
        visaCharge('order-2', { payment_method: paymentMethod }),
        { key: 'order-2:charge' },
      );

      expect(status).toBe(402);
      expect(body.error).toMatchObject({
        type: 'card_error',
        code: 'card_declined',
        decline_code: declineCode,
        message,
      });
      const attempts = await chargesOf(server, 'order-2');
      expect(attempts).toHaveLength(1);
      expect(attempts[0]).toMatchObject({
        id: body.error.charge,
        status: 'failed',
        paid: false,
        failure_code: 'card_declined',
        failure_message: message,
      });
      expect(await succeededChargesOf(server, 'order-2')).toEqual([]);
    },
  );

  it('answers 400 resource_missing for an unknown payment method and records nothing', async () => {
    const server = await startServer();

    const { status, body } = await post(
      server,
      '/v1/charges',
      visaCharge('order-3', { payment_method: 'pm_card_mastercard' }),
      { key: 'order-3:charge' },
    );

    expect(status).toBe(400);
    expect(body.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'resource_missing',
      param: 'payment_method',
    });
    expect(body.error.message).toContain('pm_card_mastercard');
    expect(await chargesOf(server, 'order-3')).toEqual([]);
  });

  it('accepts the currency in upper case and records it in lower case', async () => {
    const server = await startServer();

    const { status, body } = await post(
      server,
      '/v1/charges',
      visaCharge('order-4', { currency: 'USD' }),
      { key: 'order-4:charge' },
    );

    expect(status).toBe(200);
    expect(body.currency).toBe('usd');
  });

  it.each([
    ['a zero amount', { amount: 0 }, 'amount', undefined],
    ['a negative amount', { amount: -5 }, 'amount', undefined],
    ['a fractional amount', { amount: '12.5' }, 'amount', undefined],
    ['a non-numeric amount', { amount: 'ten' }, 'amount', undefined],
    ['an amount above the maximum', { amount: 1_000_000_01 }, 'amount', undefined],
    ['a currency other than usd', { currency: 'eur' }, 'currency', undefined],
    ['an empty order id', { order_id: '' }, 'order_id', undefined],
    ['an order id over 200 characters', { order_id: 'x'.repeat(201) }, 'order_id', undefined],
    ['an unknown parameter', { metadata: 'x' }, 'metadata', 'parameter_unknown'],
  ])('rejects %s with 400 naming the param', async (_, overrides, param, code) => {
    const server = await startServer();

    const { status, body } = await post(server, '/v1/charges', visaCharge('order-5', overrides), {
      key: 'order-5:charge',
    });

    expect(status).toBe(400);
    expect(body.error).toMatchObject({ type: 'invalid_request_error', param });
    expect(body.error.code).toBe(code);
    expect(body.error.message).toContain(param);
    expect(await chargesOf(server, 'order-5')).toEqual([]);
  });

  it('rejects a missing required param with parameter_missing', async () => {
    const server = await startServer();
    const { amount: _, ...withoutAmount } = visaCharge('order-6');

    const { status, body } = await post(server, '/v1/charges', withoutAmount, {
      key: 'order-6:charge',
    });

    expect(status).toBe(400);
    expect(body.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'parameter_missing',
      param: 'amount',
      message: 'Missing required param: amount.',
    });
  });

  it('treats an empty optional param as unset, as Stripe does', async () => {
    const server = await startServer();

    const { status, body } = await post(
      server,
      '/v1/charges',
      visaCharge('order-8', { customer: '', description: '' }),
      { key: 'order-8:charge' },
    );

    expect(status).toBe(200);
    expect(body).toMatchObject({ customer: null, description: null });
  });

  it('accepts the largest amount allowed', async () => {
    const server = await startServer();

    const { status, body } = await post(
      server,
      '/v1/charges',
      visaCharge('order-7', { amount: 1_000_000_00 }),
      { key: 'order-7:charge' },
    );

    expect(status).toBe(200);
    expect(body.amount).toBe(1_000_000_00);
  });
});
