import { describe, expect, it } from 'vitest';
import { chargesOf, get, post, startServer, visaCharge } from './helpers';

describe('refunds refused', () => {
  it('refuses a refund with 400 charge_disputed, moves no money and replays the refusal', async () => {
    const server = await startServer();
    const charge = await post(server, '/v1/charges', visaCharge('order-1'), { key: '1:charge' });
    server.faults.refundsRefused = true;

    const refused = await post(
      server,
      '/v1/refunds',
      { charge: charge.body.id },
      { key: '1:refund' },
    );
    const retried = await post(
      server,
      '/v1/refunds',
      { charge: charge.body.id },
      { key: '1:refund' },
    );
    server.faults.refundsRefused = false;
    const retriedOnceAllowed = await post(
      server,
      '/v1/refunds',
      { charge: charge.body.id },
      { key: '1:refund' },
    );

    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      error: {
        type: 'invalid_request_error',
        code: 'charge_disputed',
        param: 'charge',
        message: `Charge ${charge.body.id} has been disputed, so it cannot be refunded.`,
      },
    });
    expect((await get(server, '/v1/refunds?order_id=order-1')).body.data).toEqual([]);
    expect(await chargesOf(server, 'order-1')).toEqual([charge.body]);
    for (const replay of [retried, retriedOnceAllowed]) {
      expect(replay.status).toBe(400);
      expect(replay.text).toBe(refused.text);
      expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    }
  });

  it('still charges, and refunds again with a new key once switched off', async () => {
    const server = await startServer({ refundsRefused: true });

    const charge = await post(server, '/v1/charges', visaCharge('order-2'), { key: '2:charge' });
    server.faults.refundsRefused = false;
    const refund = await post(
      server,
      '/v1/refunds',
      { charge: charge.body.id },
      { key: '2:refund' },
    );

    expect(charge.status).toBe(200);
    expect(charge.body.status).toBe('succeeded');
    expect(refund.status).toBe(200);
    expect(await chargesOf(server, 'order-2')).toMatchObject([{ refunded: true }]);
  });
});
