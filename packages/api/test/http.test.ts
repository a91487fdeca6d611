import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS } from '@delivery/accounts';
import { CATALOG, DEMO_PASSWORD } from '@delivery/common';
import {
  CUSTOMER_COOKIE,
  DRIVER_COOKIE,
  RESTAURANT_COOKIE,
  createDriverContext,
  createMenuContext,
  createRestaurantContext,
  driverRouter,
  menuRouter,
  restaurantRouter,
} from '../src';
import { dishes } from './support/actors';
import { json, query, site } from './support/http-site';
import { waitFor } from './support/wait';

const menu = site(menuRouter, createMenuContext);
const driverSite = site(driverRouter, createDriverContext);
const restaurantSite = site(restaurantRouter, createRestaurantContext);

describe('menu site over HTTP', () => {
  it('serves products as plain JSON and gives a new visitor an anonymous session cookie', async () => {
    const { response, setCookies } = await menu('products');
    expect(response.status).toBe(200);
    expect((await json(response)).result.data).toEqual(CATALOG);
    expect(setCookies).toHaveLength(1);
    expect(setCookies[0]).toMatch(
      new RegExp(
        `^${CUSTOMER_COOKIE}=[0-9a-f-]{36}\\.[\\w-]+; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax$`,
      ),
    );
  });

  it('places an order for the session cookie, and lists it for that cookie only', async () => {
    const { cookie } = await menu('products');
    const orderId = randomUUID();
    const created = await menu('createOrder', {
      method: 'POST',
      cookie,
      body: JSON.stringify({ orderId, items: dishes() }),
    });
    expect(created.response.status).toBe(200);
    expect(created.setCookies).toEqual([]);
    expect((await json(created.response)).result.data).toEqual({ orderId });
    const listed = await waitFor(
      async () =>
        (await json((await menu('myOrders', { cookie })).response)).result.data as {
          orderId: string;
        }[],
      (rows) => rows.length > 0,
      { what: 'order listed' },
    );
    expect(listed.map((row) => row.orderId)).toEqual([orderId]);
    const stranger = await menu(`getOrderStatus${query({ orderId })}`);
    expect(stranger.response.status).toBe(404);
    expect((await json(stranger.response)).error.message).toBe(`No order ${orderId}.`);
  });

  it('answers bad input with 400, the first problem, and the field errors', async () => {
    const { response } = await menu('createOrder', {
      method: 'POST',
      body: JSON.stringify({ orderId: 'nope', items: dishes() }),
    });
    expect(response.status).toBe(400);
    const { error } = await json(response);
    expect(error.message).toBe('The order id must be a UUID.');
    expect(error.data.code).toBe('BAD_REQUEST');
    expect(error.data.zodError?.fieldErrors.orderId).toEqual(['The order id must be a UUID.']);
  });

  it('serves a cookie it did not sign as a new customer, with a cookie of their own', async () => {
    const { response, setCookies } = await menu('myOrders', {
      cookie: `${CUSTOMER_COOKIE}=' OR 1=1`,
    });
    expect(response.status).toBe(200);
    expect((await json(response)).result.data).toEqual([]);
    expect(setCookies[0]).toMatch(new RegExp(`^${CUSTOMER_COOKIE}=[0-9a-f-]{36}\\.`));
  });

  it('streams order updates as server-sent events', async () => {
    const { cookie } = await menu('products');
    const orderId = randomUUID();
    await menu('createOrder', {
      method: 'POST',
      cookie,
      body: JSON.stringify({ orderId, items: dishes() }),
    });
    const abort = new AbortController();
    const { response } = await menu(`orderUpdates${query({ orderId })}`, {
      cookie,
      signal: abort.signal,
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let stream = '';
    while (!/^data: .*"orderId"/m.test(stream)) {
      const { value, done } = await reader.read();
      if (done) break;
      stream += value;
    }
    abort.abort();
    await reader.cancel();
    const data = JSON.parse(/^data: (.*"orderId".*)$/m.exec(stream)![1]!);
    expect(data).toMatchObject({ orderId, customerId: expect.any(String) });
  });
});

const signInBody = (email: string, password = DEMO_PASSWORD) => JSON.stringify({ email, password });

describe('driver site over HTTP', () => {
  it('signs a driver in with an HttpOnly session cookie that later requests carry', async () => {
    const signIn = await driverSite('signIn', {
      method: 'POST',
      body: signInBody('Dana@Example.com'),
    });
    expect(signIn.response.status).toBe(200);
    expect(signIn.setCookies[0]).toMatch(
      new RegExp(
        `^${DRIVER_COOKIE}=[\\w-]+\\.[\\w-]+; Path=/; Max-Age=43(199|200); HttpOnly; SameSite=Lax$`,
      ),
    );
    const me = await driverSite('me', { cookie: signIn.cookie });
    expect((await json(me.response)).result.data).toEqual({
      id: expect.stringMatching(/^dana-[0-9a-f]{6}$/),
      name: 'Dana',
    });
    const board = await driverSite(`getOrders${query({ limit: 1 })}`, { cookie: signIn.cookie });
    expect(board.response.status).toBe(200);
    expect((await json(board.response)).result.data).toMatchObject({ orders: expect.any(Array) });
    expect((await driverSite('getOrders')).response.status).toBe(401);
  });

  it('marks the session cookie Secure when the site is served over HTTPS', async () => {
    const direct = await driverSite('signIn', {
      method: 'POST',
      body: signInBody('sam@example.com'),
      siteUrl: 'https://driver.example.com',
    });
    expect(direct.setCookies[0]).toMatch(/; Secure$/);
    const proxied = await driverSite('signIn', {
      method: 'POST',
      body: signInBody('sam@example.com'),
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(proxied.setCookies[0]).toMatch(/; Secure$/);
    const signOut = await driverSite('signOut', {
      method: 'POST',
      cookie: proxied.cookie,
      headers: { 'x-forwarded-proto': 'https', 'content-type': 'application/json' },
    });
    expect(signOut.setCookies[0]).toBe(
      `${DRIVER_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure`,
    );
  });

  it('answers a wrong password with 401 and no cookie, and repeated ones with 429 and Retry-After', async () => {
    const attempt = () =>
      driverSite('signIn', {
        method: 'POST',
        body: signInBody('sam@example.com', 'let-me-in'),
        headers: { 'x-forwarded-for': '198.51.100.20' },
      });
    const refused = await attempt();
    expect(refused.response.status).toBe(401);
    expect(refused.setCookies).toEqual([]);
    expect((await json(refused.response)).error.message).toBe('Wrong email or password.');
    let throttled = refused;
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail.points && throttled.response.status !== 429; i++)
      throttled = await attempt();
    expect(throttled.response.status).toBe(429);
    expect(Number(throttled.response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await json(throttled.response)).error.message).toMatch(
      /^Too many failed sign-ins\. Try again in \d+ minutes?\.$/,
    );
  });
});

describe('restaurant site over HTTP', () => {
  it('signs staff in with a cookie of its own, which the driver site does not take', async () => {
    const signIn = await restaurantSite('signIn', {
      method: 'POST',
      body: signInBody('kitchen@example.com'),
    });
    expect(signIn.response.status).toBe(200);
    expect((await json(signIn.response)).result.data).toEqual({
      staff: { id: expect.stringMatching(/^kitchen-[0-9a-f]{6}$/), name: 'Kitchen' },
    });
    expect(signIn.cookie).toMatch(new RegExp(`^${RESTAURANT_COOKIE}=`));
    const tickets = await restaurantSite(`getTickets${query({ limit: 1 })}`, {
      cookie: signIn.cookie,
    });
    expect(tickets.response.status).toBe(200);
    expect((await json(tickets.response)).result.data).toMatchObject({
      tickets: expect.any(Array),
    });
    expect((await restaurantSite('getTickets')).response.status).toBe(401);
    const onDriverSite = await driverSite('getOrders', { cookie: signIn.cookie });
    expect(onDriverSite.response.status).toBe(401);
  });
});
