import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { chargesOf, get, post, request, startServer, visaCharge } from './helpers';

const idempotent = { 'Idempotency-Key': 'http-test' };

describe('HTTP surface', () => {
  it('takes form-encoded and JSON bodies alike', async () => {
    const server = await startServer();

    const form = await post(server, '/v1/charges', visaCharge('order-form'), {
      key: 'form',
      encoding: 'form',
    });
    const json = await post(server, '/v1/charges', visaCharge('order-json'), {
      key: 'json',
      encoding: 'json',
    });

    expect(form.status).toBe(200);
    expect(json.status).toBe(200);
    const { id: _formId, created: _formCreated, order_id: formOrder, ...formRest } = form.body;
    const { id: _jsonId, created: _jsonCreated, order_id: jsonOrder, ...jsonRest } = json.body;
    expect([formOrder, jsonOrder]).toEqual(['order-form', 'order-json']);
    expect(jsonRest).toEqual(formRest);
  });

  it('accepts null for optional params in JSON', async () => {
    const server = await startServer();

    const { status, body } = await post(
      server,
      '/v1/charges',
      visaCharge('order-null', { customer: null, description: null }),
      { key: 'nulls', encoding: 'json' },
    );

    expect(status).toBe(200);
    expect(body).toMatchObject({ customer: null, description: null });
  });

  it.each([
    ['malformed JSON', 'application/json', '{"amount": 12'],
    ['a JSON array', 'application/json', '[1, 2]'],
    ['a JSON string', 'application/json', '"pm_card_visa"'],
    ['a JSON number of the wrong type', 'application/json', '{"amount": true}'],
    ['an unsupported content type', 'text/plain', 'amount=1'],
    ['a repeated form param', 'application/x-www-form-urlencoded', 'amount=1&amount=2'],
  ])('answers 400 in Stripe shape to %s', async (_, contentType, body) => {
    const server = await startServer();

    const reply = await request(server, '/v1/charges', {
      method: 'POST',
      headers: { ...idempotent, 'Content-Type': contentType },
      body,
    });

    expect(reply.status).toBe(400);
    expect(reply.body.error.type).toBe('invalid_request_error');
    expect(reply.body.error.message).toEqual(expect.any(String));
  });

  it('answers 413 to a body over 100 kB, with or without Content-Length', async () => {
    const server = await startServer();
    const oversized = `description=${'x'.repeat(101 * 1024)}`;
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 11; i++) controller.enqueue(new Uint8Array(10 * 1024).fill(120));
        controller.close();
      },
    });

    const withLength = await request(server, '/v1/charges', {
      method: 'POST',
      headers: { ...idempotent, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: oversized,
    });
    const streamed = await request(server, '/v1/charges', {
      method: 'POST',
      headers: { ...idempotent, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: chunked,
      duplex: 'half',
    } as RequestInit);

    expect(withLength.status).toBe(413);
    expect(withLength.body.error.type).toBe('invalid_request_error');
    expect(streamed.status).toBe(413);
  });

  it('answers 404 in Stripe shape to an unknown route', async () => {
    const server = await startServer();

    const { status, body } = await get(server, '/v1/customers');

    expect(status).toBe(404);
    expect(body.error).toMatchObject({
      type: 'invalid_request_error',
      message: 'Unrecognized request URL (GET: /v1/customers).',
    });
  });

  it.each([
    ['DELETE', '/v1/charges', 'GET, POST'],
    ['PUT', '/v1/refunds', 'GET, POST'],
    ['POST', '/health', 'GET'],
    ['GET', '/v1/payment_intents', 'POST'],
    ['DELETE', '/v1/payment_intents/pi_x', 'GET'],
    ['GET', '/v1/payment_intents/pi_x/capture', 'POST'],
    ['PUT', '/v1/payment_intents/pi_x/cancel', 'POST'],
    ['POST', '/v1/payment_intents/search', 'GET'],
  ])('answers 405 to %s %s', async (method, path, allow) => {
    const server = await startServer();

    const reply = await request(server, path, { method });

    expect(reply.status).toBe(405);
    expect(reply.headers.get('Allow')).toBe(allow);
    expect(reply.body.error.type).toBe('invalid_request_error');
  });

  it('answers /health even when every POST is failing', async () => {
    const server = await startServer({ failureRate: 1 });

    const { status, body } = await get(server, '/health');

    expect(status).toBe(200);
    expect(body).toEqual({ ok: true });
  });

  it('answers 500 api_error to an unexpected failure, logs the stack and keeps serving', async () => {
    const server = await startServer();
    const paid = await post(server, '/v1/charges', visaCharge('order-before'), { key: 'before' });
    // Another connection breaks the ledger under the running server: a real failure, no mock.
    const saboteur = new Database(server.dbPath);
    saboteur.exec('DROP TABLE refunds');
    saboteur.close();

    const broken = await post(server, '/v1/refunds', { charge: paid.body.id }, { key: 'boom' });
    const charge = await post(server, '/v1/charges', visaCharge('order-after'), { key: 'after' });

    expect(broken.status).toBe(500);
    expect(broken.body).toEqual({
      error: { type: 'api_error', message: expect.any(String) },
    });
    expect(server.errors.join('\n')).toMatch(
      /POST \/v1\/refunds failed unexpectedly: .*refunds[\s\S]*\n\s+at /,
    );
    expect(charge.status).toBe(200);
    expect((await get(server, '/health')).status).toBe(200);
  });

  it('logs one line per request with method, path, key, status and outcome', async () => {
    const server = await startServer();

    const charge = await post(
      server,
      '/v1/charges',
      visaCharge('order-log', { payment_method: 'pm_card_chargeDeclinedInsufficientFunds' }),
      { key: 'log-key' },
    );
    await get(server, '/health');

    expect(charge.status).toBe(402);
    expect(server.logs).toEqual([
      'POST /v1/charges key=log-key 402 card_error card_declined (insufficient_funds)',
      'GET /health 200',
    ]);
    expect(await chargesOf(server, 'order-log')).toHaveLength(1);
  });
});
