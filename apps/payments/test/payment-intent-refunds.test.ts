import { describe, expect, it } from 'vitest';
import {
  authorize,
  chargesOf,
  post,
  refundsOf,
  startServer,
  type Params,
  type TestServer,
} from './helpers';

function capture(server: TestServer, id: string, params: Params = {}) {
  return post(server, `/v1/payment_intents/${id}/capture`, params, { key: `${id}:capture` });
}

/** Authorizes and captures `amount` for the order, answering the captured intent. */
async function captured(server: TestServer, orderId: string, amount = 4_200) {
  const { status, body } = await capture(server, (await authorize(server, orderId, amount)).id);
  expect(status).toBe(200);
  return body as { id: string; latest_charge: string };
}

function refund(server: TestServer, params: Params, key = 'refund') {
  return post(server, '/v1/refunds', params, { key });
}

describe('POST /v1/refunds with payment_intent', () => {
  it("refunds the whole amount received, on the capture's charge", async () => {
    const server = await startServer();
    const intent = await captured(server, 'order-1');

    const { status, body } = await refund(server, {
      payment_intent: intent.id,
      reason: 'requested_by_customer',
    });

    expect(status).toBe(200);
    expect(body).toMatchObject({
      object: 'refund',
      amount: 4_200,
      charge: intent.latest_charge,
      payment_intent: intent.id,
      reason: 'requested_by_customer',
      order_id: 'order-1',
    });
    expect(await refundsOf(server, 'order-1')).toEqual([body]);
    const [charge] = await chargesOf(server, 'order-1');
    expect(charge).toMatchObject({ refunded: true, amount_refunded: 4_200 });
  });

  it('refunds in parts, then refuses what is over the rest', async () => {
    const server = await startServer();
    const { id } = await captured(server, 'order-2');
    const part = (amount: number, key: string) =>
      refund(server, { payment_intent: id, amount }, key);

    const first = await part(1_000, 'refund-1');
    const over = await part(3_201, 'refund-2');
    const rest = await part(3_200, 'refund-3');
    const beyond = await part(1, 'refund-4');

    expect([first.status, over.status, rest.status, beyond.status]).toEqual([200, 400, 200, 400]);
    expect(over.body.error).toMatchObject({ code: 'amount_too_large', param: 'amount' });
    expect(over.body.error.message).toContain('(3200)');
    expect(beyond.body.error).toMatchObject({
      code: 'charge_already_refunded',
      param: 'payment_intent',
    });
    expect((await refundsOf(server, 'order-2')).map((r) => r.amount)).toEqual([3_200, 1_000]);
    const [charge] = await chargesOf(server, 'order-2');
    expect(charge).toMatchObject({ refunded: true, amount_refunded: 4_200 });
  });

  it('refunds at most the amount a partial capture received', async () => {
    const server = await startServer();
    const { id } = await authorize(server, 'order-3', 4_200);
    await capture(server, id, { amount_to_capture: 2_000 });

    const over = await refund(server, { payment_intent: id, amount: 2_001 }, 'refund-over');
    const whole = await refund(server, { payment_intent: id }, 'refund-whole');

    expect(over.status).toBe(400);
    expect(whole.body.amount).toBe(2_000);
    expect(await refundsOf(server, 'order-3')).toEqual([whole.body]);
  });

  it.each([
    ['held', async () => undefined],
    [
      'canceled',
      async (server: TestServer, id: string) => {
        await post(server, `/v1/payment_intents/${id}/cancel`, {}, { key: 'cancel' });
      },
    ],
  ])('refuses to refund a %s intent, which took no money', async (_, settle) => {
    const server = await startServer();
    const { id } = await authorize(server, 'order-4');
    await settle(server, id);

    const { status, body } = await refund(server, { payment_intent: id });

    expect(status).toBe(400);
    expect(body.error).toMatchObject({
      code: 'payment_intent_unexpected_state',
      param: 'payment_intent',
    });
    expect(body.error.message).toContain(id);
    expect(await refundsOf(server, 'order-4')).toEqual([]);
  });

  it('answers 404 resource_missing for an unknown intent', async () => {
    const server = await startServer();

    const { status, body } = await refund(server, { payment_intent: 'pi_doesnotexist' });

    expect(status).toBe(404);
    expect(body.error).toMatchObject({ code: 'resource_missing', param: 'payment_intent' });
  });

  it('rejects a refund naming both a charge and an intent', async () => {
    const server = await startServer();
    const intent = await captured(server, 'order-5');

    const { status, body } = await refund(server, {
      charge: intent.latest_charge,
      payment_intent: intent.id,
    });

    expect(status).toBe(400);
    expect(body.error).toMatchObject({ type: 'invalid_request_error', param: 'payment_intent' });
    expect(await refundsOf(server, 'order-5')).toEqual([]);
  });

  it("names the intent on a refund of the capture's charge made by charge id", async () => {
    const server = await startServer();
    const intent = await captured(server, 'order-6');

    const { body } = await refund(server, { charge: intent.latest_charge });

    expect(body).toMatchObject({ charge: intent.latest_charge, payment_intent: intent.id });
  });

  it('refuses as disputed in PAYMENT_REFUNDS_REFUSED mode, moving no money', async () => {
    const server = await startServer({ refundsRefused: true });
    const intent = await captured(server, 'order-7');

    const { status, body } = await refund(server, { payment_intent: intent.id, amount: 100 });

    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'charge_disputed', param: 'payment_intent' });
    expect(body.error.message).toBe(
      `PaymentIntent ${intent.id} has been disputed, so it cannot be refunded.`,
    );
    expect(await refundsOf(server, 'order-7')).toEqual([]);
    expect(await chargesOf(server, 'order-7')).toMatchObject([{ amount_refunded: 0 }]);
  });
});
