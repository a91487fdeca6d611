import { describe, expect, it } from 'vitest';
import { authorize, get, post, startServer, visaAuthorization } from './helpers';

function search(server: { url: string }, query: string) {
  return get(server, `/v1/payment_intents/search?query=${encodeURIComponent(query)}`);
}

describe('GET /v1/payment_intents/search', () => {
  it("finds an order's intents newest first, and only that order's", async () => {
    const server = await startServer();
    const authorizeWithKey = async (orderId: string, key: string) =>
      (await post(server, '/v1/payment_intents', visaAuthorization(orderId), { key })).body;
    const older = await authorizeWithKey('order-1', 'k-1');
    await authorizeWithKey('order-2', 'k-2');
    const newer = await authorizeWithKey('order-1', 'k-3');

    const { status, body } = await search(server, "metadata['order_id']:'order-1'");

    expect(status).toBe(200);
    expect(body).toEqual({
      object: 'search_result',
      url: '/v1/payment_intents/search',
      data: [newer, older],
      has_more: false,
      next_page: null,
    });
  });

  it('takes double quotes and an escaped quote in the order id', async () => {
    const server = await startServer();
    const plain = await authorize(server, 'order-3');
    const quoted = await authorize(server, "o'brien");

    const double = await search(server, 'metadata["order_id"]:"order-3"');
    const escaped = await search(server, "metadata['order_id']:'o\\'brien'");

    expect(double.body.data).toEqual([plain]);
    expect(escaped.body.data).toEqual([quoted]);
  });

  it('answers an empty result for an order without intents', async () => {
    const server = await startServer();
    await authorize(server, 'order-4');

    const { status, body } = await search(server, "metadata['order_id']:'nobody'");

    expect(status).toBe(200);
    expect(body.data).toEqual([]);
  });

  it.each([
    "metadata['customer']:'cus_alice'",
    "metadata['order_id']:order-5",
    "metadata['order_id']:'order-5' AND status:'succeeded'",
    "status:'succeeded'",
    "metadata['order_id']:'order-5\"",
  ])('answers 400 naming query to the query %s', async (query) => {
    const server = await startServer();
    await authorize(server, 'order-5');

    const { status, body } = await search(server, query);

    expect(status).toBe(400);
    expect(body.error).toMatchObject({ type: 'invalid_request_error', param: 'query' });
    expect(body.error.message).toContain("metadata['order_id']:'<order id>'");
  });

  it('answers 400 parameter_missing without a query', async () => {
    const server = await startServer();

    const { status, body } = await get(server, '/v1/payment_intents/search');

    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'parameter_missing', param: 'query' });
  });
});
