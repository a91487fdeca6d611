import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '@delivery/common';
import { PORTS, localUrl } from '@delivery/harness/ports';
import { startStack } from '@delivery/harness/stack';
import { trpcError, trpcHttp, type TrpcResponse } from '@delivery/harness/trpc-http';

/* The hostile suite's stack, its three sites as a client over plain HTTP sees them, and the
 * sessions it acts with. */

const ports = PORTS.hostile;
export const paymentsUrl = localUrl(ports.payments);
export const menu = trpcHttp(localUrl(ports.menu));
export const driverSite = trpcHttp(localUrl(ports.driver));
export const restaurantSite = trpcHttp(localUrl(ports.restaurant));
type Site = typeof menu;

/** Windows no order meets by accident while the suite pokes at it. */
const WINDOWS = {
  ORDER_RESTAURANT_WINDOW_MS: '300000',
  ORDER_PICKUP_WINDOW_MS: '120000',
  ORDER_DELIVERY_WINDOW_MS: '120000',
  ORDER_RATING_DELAY_MS: '0',
  ORDER_RATING_WINDOW_MS: '120000',
};

/**
 * The suite places hundreds of orders as one customer from one address; the API suite proves the
 * limits (order-limits.test.ts), this one what a batch, a cookie and another customer can reach.
 */
const NO_ORDER_LIMITS = { ORDER_RATE_LIMIT: '100000', ORDER_RATE_LIMIT_PER_ADDRESS: '100000' };

/** A driver whose name is markup and emoji, to show names are kept and shown as text. */
export const HOSTILE_NAMED_DRIVER = {
  email: 'zoe@example.com',
  name: '<img src=x onerror=alert(1)> Zoë 🚲',
  role: 'driver',
} as const;

export const startHostileStack = () =>
  startStack({
    name: 'hostile',
    staff: [HOSTILE_NAMED_DRIVER],
    payments: { sandbox: { port: ports.payments } },
    worker: {},
    sites: {
      menu: { port: ports.menu, env: { ...WINDOWS, ...NO_ORDER_LIMITS } },
      driver: { port: ports.driver },
      restaurant: { port: ports.restaurant },
    },
  });

/** The suite's customer: the signed cookie the menu gave it, set by `startCustomer`. */
export let customer = '';
/** Session cookies of the staff the suite acts as, set by `signInStaff`. */
export const staff = { dana: '', sam: '', kitchen: '' };

/** A 4xx answer with a message a person can read, never a 500. */
export function expectClientError(response: TrpcResponse, code?: string) {
  expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  const error = trpcError(response);
  if (code) expect(error.code).toBe(code);
  expect(error.message?.length ?? 0).toBeGreaterThan(0);
  // A message for a person: no stack trace, no exception class.
  expect(error.message).not.toMatch(/\bat .+\.[jt]s:\d+|^\w*Error:/);
}

export const cookiesOf = (response: TrpcResponse): string =>
  response.setCookie.map((c) => c.split(';')[0]).join('; ');

/** A new customer, as a browser becomes one: the menu's first answer sets the signed cookie. */
export async function newCustomer(): Promise<string> {
  const response = await menu.query('products');
  expect(response.status).toBe(200);
  return cookiesOf(response);
}

export async function startCustomer(): Promise<void> {
  customer = await newCustomer();
}

/** Signs in with an account the stack seeded (the demo password), returning its cookie. */
export async function signIn(site: Site, email: string): Promise<string> {
  const response = await site.mutation('signIn', { input: { email, password: DEMO_PASSWORD } });
  expect(response.status).toBe(200);
  return cookiesOf(response);
}

export async function signInStaff(): Promise<void> {
  staff.dana = await signIn(driverSite, 'dana@example.com');
  staff.sam = await signIn(driverSite, 'sam@example.com');
  staff.kitchen = await signIn(restaurantSite, 'kitchen@example.com');
}

export const dish = (productId = 'ramen', quantity: unknown = 1) => ({ productId, quantity });

export async function placeOrder(paymentMethod = 'pm_card_visa'): Promise<string> {
  const orderId = randomUUID();
  const response = await menu.mutation('createOrder', {
    cookie: customer,
    input: { orderId, items: [dish()], paymentMethod },
  });
  expect(response.status).toBe(200);
  return orderId;
}

export async function stateOf(orderId: string): Promise<string> {
  const response = await menu.query('getOrderStatus', { cookie: customer, input: { orderId } });
  return (response.body as { result: { data: { state: string } } }).result.data.state;
}

export async function waitForState(orderId: string, state: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while ((await stateOf(orderId)) !== state) {
    if (Date.now() > deadline) throw new Error(`${orderId} never reached ${state}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function orderCount(): Promise<number> {
  const response = await menu.query('myOrders', { cookie: customer });
  return (response.body as { result: { data: unknown[] } }).result.data.length;
}

export type KitchenProcedure = 'acceptOrder' | 'rejectOrder' | 'markReady';

/** The signed-in kitchen calls one of the restaurant's actions. */
export const kitchen = (procedure: KitchenProcedure, input: unknown) =>
  restaurantSite.mutation(procedure, { cookie: staff.kitchen, input });

/** Placed, its card held, accepted by the kitchen (ready in 10 minutes): the kitchen cooks it. */
export async function preparingOrder(): Promise<string> {
  const orderId = await placeOrder();
  await waitForState(orderId, 'Waiting for restaurant');
  expect((await kitchen('acceptOrder', { orderId, prepMinutes: 10 })).status).toBe(200);
  return orderId;
}

/** Cooked and marked ready: the order waits for a driver. */
export async function readyOrder(): Promise<string> {
  const orderId = await preparingOrder();
  expect((await kitchen('markReady', { orderId })).status).toBe(200);
  return orderId;
}
