import { describe, expect, it } from 'vitest';
import { get, post, startServer, visaCharge } from './helpers';

describe('GET /v1/charges and /v1/refunds', () => {
  it('lists the charges of one order newest first, declines included, refunds embedded', async () => {
    const server = await startServer();
    const declined = await post(
      server,
      '/v1/charges',
      visaCharge('order-1', { payment_method: 'pm_card_chargeDeclinedInsufficientFunds' }),
      { key: 'order-1:charge:1' },
    );
    const paid = await post(server, '/v1/charges', visaCharge('order-1'), {
      key: 'order-1:charge:2',
    });
    await post(server, '/v1/charges', visaCharge('order-other'), { key: 'order-other:charge' });
    const refund = await post(
      server,
      '/v1/refunds',
      { charge: paid.body.id },
      {
        key: 'order-1:refund',
      },
    );

    const { status, body } = await get(server, '/v1/charges?order_id=order-1');

    expect(status).toBe(200);
    expect(body).toMatchObject({ object: 'list', has_more: false });
    expect(body.data.map((charge: { id: string }) => charge.id)).toEqual([
      paid.body.id,
      declined.body.error.charge,
    ]);
    expect(body.data.map((charge: { status: string }) => charge.status)).toEqual([
      'succeeded',
      'failed',
    ]);
    expect(body.data[0]).toMatchObject({ refunded: true, amount_refunded: 2_350 });
    expect(body.data[0].refunds.data).toEqual([refund.body]);
    expect(body.data[1].refunds.data).toEqual([]);
  });

  it('lists every charge without order_id, honouring limit and has_more', async () => {
    const server = await startServer();
    for (const orderId of ['order-a', 'order-b', 'order-c']) {
      await post(server, '/v1/charges', visaCharge(orderId), { key: `${orderId}:charge` });
    }

    const all = await get(server, '/v1/charges');
    const firstTwo = await get(server, '/v1/charges?limit=2');

    expect(all.body.data.map((charge: { order_id: string }) => charge.order_id)).toEqual([
      'order-c',
      'order-b',
      'order-a',
    ]);
    expect(all.body.has_more).toBe(false);
    expect(firstTwo.body.data).toEqual(all.body.data.slice(0, 2));
    expect(firstTwo.body.has_more).toBe(true);
  });

  it('lists the refunds of one order', async () => {
    const server = await startServer();
    const charges = [];
    for (const orderId of ['order-1', 'order-2']) {
      const charge = await post(server, '/v1/charges', visaCharge(orderId), {
        key: `${orderId}:charge`,
      });
      charges.push(charge.body.id);
      await post(server, '/v1/refunds', { charge: charge.body.id }, { key: `${orderId}:refund` });
    }

    const { status, body } = await get(server, '/v1/refunds?order_id=order-2');

    expect(status).toBe(200);
    expect(body.object).toBe('list');
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({
      object: 'refund',
      charge: charges[1],
      order_id: 'order-2',
    });
  });

  it('returns an empty list for an order with no charges', async () => {
    const server = await startServer();

    const { status, body } = await get(server, '/v1/charges?order_id=nobody');

    expect(status).toBe(200);
    expect(body).toEqual({ object: 'list', url: '/v1/charges', data: [], has_more: false });
  });

  it.each([
    ['/v1/charges?limit=0', 'limit'],
    ['/v1/charges?limit=10001', 'limit'],
    ['/v1/charges?limit=ten', 'limit'],
    ['/v1/refunds?order_id=', 'order_id'],
    ['/v1/charges?status=succeeded', 'status'],
  ])('rejects %s with 400 naming %s', async (path, param) => {
    const server = await startServer();

    const { status, body } = await get(server, path);

    expect(status).toBe(400);
    expect(body.error).toMatchObject({ type: 'invalid_request_error', param });
  });
});
