import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CUSTOMER_COOKIE, createMenuContext, menuRouter } from '../src';
import { customerCookieValue } from '../src/session';
import { sign } from '../src/session/signing';
import { dishes } from './support/actors';
import { json, query, site, type Body } from './support/http-site';
import { services } from './support/services';

const menu = site(menuRouter, createMenuContext);
const secret = services.config.sessionSecret;

/** The customer id a `dd_customer=<id>.<signature>` pair stands for. */
const customerOf = (cookie: string) =>
  cookie.slice(`${CUSTOMER_COOKIE}=`.length, cookie.lastIndexOf('.'));

/** A new customer, as a browser becomes one: the first answer sets the cookie. */
async function newCustomer() {
  const { cookie } = await menu('products');
  return { cookie: cookie!, id: customerOf(cookie!) };
}

async function placeOrder(cookie: string): Promise<string> {
  const orderId = randomUUID();
  const { response } = await menu('createOrder', {
    method: 'POST',
    cookie,
    body: JSON.stringify({ orderId, items: dishes() }),
  });
  expect(response.status).toBe(200);
  return orderId;
}

/** What a customer gets for each way of reaching an order: status, code and message. */
async function answersFor(cookie: string, orderId: string) {
  const calls = {
    getOrderStatus: () => menu(`getOrderStatus${query({ orderId })}`, { cookie }),
    cancelOrder: () =>
      menu('cancelOrder', { method: 'POST', cookie, body: JSON.stringify({ orderId }) }),
    rateOrder: () =>
      menu('rateOrder', { method: 'POST', cookie, body: JSON.stringify({ orderId, stars: 1 }) }),
  };
  const answers: Record<string, unknown> = {};
  for (const [procedure, call] of Object.entries(calls)) {
    const { response } = await call();
    const { error } = await json(response);
    answers[procedure] = {
      status: response.status,
      code: error?.data.code,
      message: error?.message.replace(orderId, '<order>'),
    };
  }
  return answers;
}

describe('the customer cookie', () => {
  it('is the customer id, signed, and Secure when the menu is served over HTTPS', async () => {
    const { cookie, id } = await newCustomer();
    expect(cookie).toBe(`${CUSTOMER_COOKIE}=${customerCookieValue(id, secret)}`);
    const overTls = await menu('products', { siteUrl: 'https://menu.example' });
    expect(overTls.setCookies[0]).toMatch(/; Secure$/);
    const behindProxy = await menu('products', { headers: { 'x-forwarded-proto': 'https' } });
    expect(behindProxy.setCookies[0]).toMatch(/; Secure$/);
  });

  it('keeps the customer it names when it is ours, and sets nothing new', async () => {
    const { cookie } = await newCustomer();
    const orderId = await placeOrder(cookie);
    const again = await menu(`getOrderStatus${query({ orderId })}`, { cookie });
    expect(again.response.status).toBe(200);
    expect(again.setCookies).toEqual([]);
  });

  it('makes a forged or edited cookie a new customer, never the one it names', async () => {
    const alice = await newCustomer();
    const orderId = await placeOrder(alice.cookie);
    const [, signature] = alice.cookie.split('.');
    const forgeries = {
      'the bare id': `${CUSTOMER_COOKIE}=${alice.id}`,
      'a made-up signature': `${CUSTOMER_COOKIE}=${alice.id}.${'A'.repeat(43)}`,
      "another id under alice's signature": `${CUSTOMER_COOKIE}=${randomUUID()}.${signature}`,
      'another secret': `${CUSTOMER_COOKIE}=${customerCookieValue(alice.id, 'not-the-secret')}`,
      'something else we signed': `${CUSTOMER_COOKIE}=${sign("' OR 1=1", secret)}`,
    };
    for (const [forgery, cookie] of Object.entries(forgeries)) {
      const { response, cookie: issued } = await menu(`getOrderStatus${query({ orderId })}`, {
        cookie,
      });
      expect(response.status, forgery).toBe(404);
      expect((await json(response)).error.message).toBe(`No order ${orderId}.`);
      expect(issued, forgery).toBeDefined();
      expect(customerOf(issued!), forgery).not.toBe(alice.id);
    }
  });
});

describe("another customer's order", () => {
  it('answers exactly as an order that does not exist, and stays as it was', async () => {
    const [alice, bob] = [await newCustomer(), await newCustomer()];
    const orderId = await placeOrder(alice.cookie);
    const refused = {
      getOrderStatus: { status: 404, code: 'NOT_FOUND', message: 'No order <order>.' },
      cancelOrder: { status: 404, code: 'NOT_FOUND', message: 'No order <order>.' },
      rateOrder: { status: 404, code: 'NOT_FOUND', message: 'No order <order>.' },
    };
    expect(await answersFor(bob.cookie, orderId)).toEqual(refused);
    expect(await answersFor(bob.cookie, randomUUID())).toEqual(refused);

    const { response } = await menu(`getOrderStatus${query({ orderId })}`, {
      cookie: alice.cookie,
    });
    const status = (await json(response)).result.data as { customerId: string; state: string };
    expect(status.customerId).toBe(alice.id);
    expect(status.state).not.toBe('Cancelled');
  });

  it('is not streamed to another customer, and ends the stream as an unknown order would', async () => {
    const [alice, bob] = [await newCustomer(), await newCustomer()];
    const orderId = await placeOrder(alice.cookie);
    const streamError = async (id: string) => {
      const { response } = await menu(`orderUpdates${query({ orderId: id })}`, {
        cookie: bob.cookie,
      });
      const stream = await response.text();
      expect(stream).not.toMatch(/^data: .*"customerId"/m);
      const data = /^event: serialized-error\ndata: (.*)$/m.exec(stream)?.[1];
      const { message, data: details } = JSON.parse(data ?? '{}') as Body['error'];
      return { code: details?.code, message: message?.replace(id, '<order>') };
    };
    const refusal = { code: 'NOT_FOUND', message: 'No order <order>.' };
    expect(await streamError(orderId)).toEqual(refusal);
    expect(await streamError(randomUUID())).toEqual(refusal);
  });
});
