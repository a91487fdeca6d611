import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '@delivery/common';
import {
  CUSTOMER_COOKIE,
  DRIVER_COOKIE,
  RESTAURANT_COOKIE,
  createDriverContext,
  createMenuContext,
  createRestaurantContext,
  createRouteHandler,
  driverRouter,
  menuRouter,
  restaurantRouter,
  type ApiServices,
  type Context,
  type RequestContextOptions,
} from '../src';
import { dishes } from './support/actors';
import { services } from './support/services';
import { waitFor } from './support/wait';

type Router = typeof menuRouter | typeof driverRouter | typeof restaurantRouter;
type SiteContext = (options: RequestContextOptions, services: ApiServices) => Promise<Context>;

/** A site's route handler as its Next route mounts it: `/api/trpc` over fetch, plain JSON. */
function site(router: Router, createContext: SiteContext) {
  const handler = createRouteHandler({
    endpoint: '/api/trpc',
    router,
    createContext: (options) => createContext(options, services),
  });
  return async (path: string, init: RequestInit & { cookie?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.cookie) headers.set('cookie', init.cookie);
    if (init.body) headers.set('content-type', 'application/json');
    const response = await handler(
      new Request(`http://localhost/api/trpc/${path}`, { ...init, headers }),
    );
    const setCookies = response.headers.getSetCookie();
    return { response, setCookies, cookie: setCookies[0]?.split(';')[0] };
  };
}

const menu = site(menuRouter, createMenuContext);
const driverSite = site(driverRouter, createDriverContext);
const restaurantSite = site(restaurantRouter, createRestaurantContext);
/** A tRPC response body: plain JSON, no transformer. */
interface Body {
  result: { data: unknown };
  error: {
    message: string;
    data: { code: string; zodError: { fieldErrors: Record<string, string[]> } | null };
  };
}
const json = (response: Response) => response.json() as Promise<Body>;
const query = (input: unknown) => `?input=${encodeURIComponent(JSON.stringify(input))}`;

describe('menu site over HTTP', () => {
  it('serves products as plain JSON and gives a new visitor an anonymous session cookie', async () => {
    const { response, setCookies } = await menu('products');
    expect(response.status).toBe(200);
    expect((await json(response)).result.data).toEqual(CATALOG);
    expect(setCookies).toHaveLength(1);
    expect(setCookies[0]).toMatch(
      new RegExp(
        `^${CUSTOMER_COOKIE}=[0-9a-f-]{36}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax$`,
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

  it('refuses a customer cookie it did not issue, and issues a valid one', async () => {
    const { response, setCookies } = await menu('myOrders', {
      cookie: `${CUSTOMER_COOKIE}=' OR 1=1`,
    });
    expect(response.status).toBe(401);
    expect(setCookies[0]).toMatch(new RegExp(`^${CUSTOMER_COOKIE}=[0-9a-f-]{36};`));
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

describe('driver site over HTTP', () => {
  it('signs a driver in with a cookie that later requests carry', async () => {
    const signIn = await driverSite('signIn', {
      method: 'POST',
      body: JSON.stringify({ name: 'Dana Lee' }),
    });
    expect(signIn.response.status).toBe(200);
    expect(signIn.cookie).toMatch(new RegExp(`^${DRIVER_COOKIE}=`));
    const me = await driverSite('me', { cookie: signIn.cookie });
    expect((await json(me.response)).result.data).toEqual({ id: 'dana-lee', name: 'Dana Lee' });
    const board = await driverSite(`getOrders${query({ limit: 1 })}`, { cookie: signIn.cookie });
    expect(board.response.status).toBe(200);
    expect((await json(board.response)).result.data).toMatchObject({ orders: expect.any(Array) });
    expect((await driverSite('getOrders')).response.status).toBe(401);
  });
});

describe('restaurant site over HTTP', () => {
  it('signs staff in with a cookie of its own, which the driver site does not take', async () => {
    const signIn = await restaurantSite('signIn', {
      method: 'POST',
      body: JSON.stringify({ name: 'Kim Park' }),
    });
    expect(signIn.response.status).toBe(200);
    expect((await json(signIn.response)).result.data).toEqual({
      staff: { id: 'kim-park', name: 'Kim Park' },
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
