import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { driverUrl, menuUrl, restaurantUrl } from './site-urls';

/* A hostile page's request, as the browser sends it: another site's Origin, and the customer's
 * cookie along with it (SameSite=Lax lets it through from a sibling origin of the same site). */

const FROM_ANOTHER_SITE = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
/** Another origin on the sites' own host: its pages' requests carry the sites' Lax cookies. */
const FROM_A_SIBLING = { origin: 'http://127.0.0.1:9', 'sec-fetch-site': 'same-site' };

const call = (request: APIRequestContext, url: string, data: unknown, headers = {}) =>
  request.post(url, { data, headers, failOnStatusCode: false });

test('a mutation from another site is refused with a 403 and changes nothing', async ({
  request,
}) => {
  await request.get(`${menuUrl}/`); // the customer's cookie, kept by `request`
  const order = { orderId: randomUUID(), items: [{ productId: 'ramen', quantity: 1 }] };
  const createOrder = `${menuUrl}/api/trpc/createOrder`;

  const refused = await call(request, createOrder, order, FROM_ANOTHER_SITE);
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({
    error: { data: { code: 'FORBIDDEN', httpStatus: 403 } },
  });
  const mine = await request.get(`${menuUrl}/api/trpc/myOrders`);
  expect((await mine.json()).result.data).toEqual([]);
  const input = encodeURIComponent(JSON.stringify({ orderId: order.orderId }));
  const status = await request.get(`${menuUrl}/api/trpc/getOrderStatus?input=${input}`);
  expect(status.status()).toBe(404);

  // The same order from the menu's own page is taken.
  const taken = await call(request, createOrder, order, {
    origin: menuUrl,
    'sec-fetch-site': 'same-origin',
  });
  expect(taken.status()).toBe(200);
});

test("the staff sites refuse another site's mutations, before asking who is signed in", async ({
  request,
}) => {
  const orderId = randomUUID();
  for (const url of [
    `${driverUrl}/api/trpc/pickUp`,
    `${restaurantUrl}/api/trpc/markReady`,
    `${restaurantUrl}/api/trpc/signOut`,
    `${menuUrl}/api/trpc/cancelOrder`,
  ]) {
    const refused = await call(request, url, { orderId }, FROM_A_SIBLING);
    expect(refused.status(), url).toBe(403);
    expect((await refused.json()).error.data.code, url).toBe('FORBIDDEN');
  }
});
