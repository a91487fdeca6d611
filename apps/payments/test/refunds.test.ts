import { describe, expect, it } from 'vitest';
import { chargesOf, get, post, startServer, visaCharge, type TestServer } from './helpers';

async function charge(server: TestServer, orderId: string, amount = 2_350): Promise<string> {
  const { status, body } = await post(server, '/v1/charges', visaCharge(orderId, { amount }), {
    key: `${orderId}:charge`,
  });
  expect(status).toBe(200);
  return body.id as string;
}

describe('POST /v1/refunds', () => {
  it('refunds the whole charge and shows it on the charge', async () => {
    const server = await startServer();
    const chargeId = await charge(server, 'order-1', 4_200);

    const { status, body } = await post(
      server,
      '/v1/refunds',
      { charge: chargeId, reason: 'requested_by_customer' },
      { key: 'order-1:refund' },
    );

    expect(status).toBe(200);
    expect(body).toMatchObject({
      object: 'refund',
      amount: 4_200,
      charge: chargeId,
      status: 'succeeded',
      reason: 'requested_by_customer',
      order_id: 'order-1',
    });
    expect(body.id).toMatch(/^re_[0-9a-f]{24}$/);
    expect(typeof body.created).toBe('number');
    const [refunded] = await chargesOf(server, 'order-1');
    expect(refunded).toMatchObject({ id: chargeId, refunded: true, amount_refunded: 4_200 });
    expect(refunded?.refunds).toEqual({ object: 'list', data: [body], has_more: false });
  });

  it('answers 404 resource_missing for an unknown charge', async () => {
    const server = await startServer();

    const { status, body } = await post(
      server,
      '/v1/refunds',
      { charge: 'ch_doesnotexist' },
      { key: 'refund-unknown' },
    );

    expect(status).toBe(404);
    expect(body.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'resource_missing',
      param: 'charge',
    });
    expect(body.error.message).toContain('ch_doesnotexist');
  });

  it('answers 400 charge_already_refunded to a new key once the charge is refunded', async () => {
    const server = await startServer();
    const chargeId = await charge(server, 'order-2');
    const first = await post(server, '/v1/refunds', { charge: chargeId }, { key: 'refund-a' });

    const second = await post(server, '/v1/refunds', { charge: chargeId }, { key: 'refund-b' });

    expect(first.status).toBe(200);
    expect(second.status).toBe(400);
    expect(second.body.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'charge_already_refunded',
    });
    const refunds = await get(server, '/v1/refunds?order_id=order-2');
    expect(refunds.body.data).toHaveLength(1);
  });

  it('replays a refund retried with its key instead of refunding again', async () => {
    const server = await startServer();
    const chargeId = await charge(server, 'order-3');
    const first = await post(server, '/v1/refunds', { charge: chargeId }, { key: 'refund-c' });

    const retry = await post(server, '/v1/refunds', { charge: chargeId }, { key: 'refund-c' });

    expect(retry.status).toBe(200);
    expect(retry.text).toBe(first.text);
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    const [refunded] = await chargesOf(server, 'order-3');
    expect(refunded?.amount_refunded).toBe(2_350);
  });

  it('refuses to refund a declined charge', async () => {
    const server = await startServer();
    const declined = await post(
      server,
      '/v1/charges',
      visaCharge('order-4', { payment_method: 'pm_card_chargeDeclined' }),
      { key: 'order-4:charge' },
    );

    const { status, body } = await post(
      server,
      '/v1/refunds',
      { charge: declined.body.error.charge },
      { key: 'order-4:refund' },
    );

    expect(status).toBe(400);
    expect(body.error).toMatchObject({ type: 'invalid_request_error', param: 'charge' });
    expect((await get(server, '/v1/refunds?order_id=order-4')).body.data).toEqual([]);
  });

  it('rejects a refund without a charge', async () => {
    const server = await startServer();

    const { status, body } = await post(server, '/v1/refunds', {}, { key: 'refund-empty' });

    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'parameter_missing', param: 'charge' });
  });
});
