import { randomInt, randomUUID } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { MAX_BATCH_CALLS } from '@delivery/common';
import { holdsOf } from '@delivery/harness/ledger';
import { workflowIdOf } from '@delivery/workflows/contract';
import { createMenuContext, createServices, menuRouter } from '../src';
import { dishes } from './support/actors';
import { batchBody, json, site } from './support/http-site';
import { testConfig } from './support/services';

const paymentsUrl = inject('paymentsUrl');
const limited = createServices(
  testConfig({ ORDER_RATE_LIMIT: '3', ORDER_RATE_LIMIT_PER_ADDRESS: '5' }),
);
afterAll(() => limited.temporal.close());
const menu = site(menuRouter, createMenuContext, limited);

/** An address of its own for each test, so the tests' counts never meet. */
const newAddress = () => `198.51.${randomInt(256)}.${randomInt(256)}`;

const order = () => ({ orderId: randomUUID(), items: dishes() });

function createOrder(input: unknown, { cookie, address }: { cookie?: string; address: string }) {
  return menu('createOrder', {
    method: 'POST',
    cookie,
    headers: { 'x-forwarded-for': `203.0.113.7, ${address}` },
    body: JSON.stringify(input),
  });
}

/** Whether each order has a workflow: asked of Temporal itself, not of a list that may lag. */
const started = (orderIds: string[]) =>
  Promise.all(
    orderIds.map((orderId) =>
      limited.temporal.run((client) =>
        client.workflow
          .getHandle(workflowIdOf(orderId))
          .describe()
          .then(
            () => true,
            (error: unknown) => {
              if (error instanceof WorkflowNotFoundError) return false;
              throw error;
            },
          ),
      ),
    ),
  );

async function expectNothingStarted(orderIds: string[]) {
  expect(await started(orderIds)).toEqual(orderIds.map(() => false));
  for (const orderId of orderIds)
    expect(await holdsOf(paymentsUrl, orderId)).toMatchObject({ authorized: 0 });
}

describe("a customer's orders per minute", () => {
  it('refuses the order over the limit with 429 and when to retry, and starts nothing for it', async () => {
    const address = newAddress();
    const first = await menu('products', { headers: { 'x-forwarded-for': address } });
    const cookie = first.cookie!;
    for (let placed = 0; placed < 3; placed++)
      expect((await createOrder(order(), { cookie, address })).response.status).toBe(200);

    const refused = order();
    const { response } = await createOrder(refused, { cookie, address });
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const { error } = await json(response);
    expect(error.data.code).toBe('TOO_MANY_REQUESTS');
    expect(error.message).toBe(
      `That is a lot of orders in a short time. You can place the next one in ${retryAfter} s.`,
    );
    await expectNothingStarted([refused.orderId]);

    // Another customer, from another address, is not held back.
    const other = await createOrder(order(), { address: newAddress() });
    expect(other.response.status).toBe(200);
  });

  it('counts every mutation of a batch, so a batch starts no more than the limit', async () => {
    const address = newAddress();
    const orders = Array.from({ length: 5 }, order);
    const { response, cookie } = await menu(
      `${orders.map(() => 'createOrder').join(',')}?batch=1`,
      {
        method: 'POST',
        headers: { 'x-forwarded-for': address },
        body: batchBody(orders),
      },
    );
    expect(cookie).toBeDefined();
    const answers = (await response.json()) as {
      result?: unknown;
      error?: { json?: unknown; data: { code: string } };
    }[];
    expect(answers.filter((answer) => answer.result)).toHaveLength(3);
    expect(
      answers.filter((answer) => answer.error?.data.code === 'TOO_MANY_REQUESTS'),
    ).toHaveLength(2);
    const wasStarted = await started(orders.map((o) => o.orderId));
    expect(wasStarted).toEqual(answers.map((answer) => answer.result !== undefined));
  });
});

describe("an address's orders per minute", () => {
  it('holds back a client that drops its cookie to be a new customer every time', async () => {
    const address = newAddress();
    for (let placed = 0; placed < 5; placed++)
      expect((await createOrder(order(), { address })).response.status).toBe(200);
    const refused = order();
    const { response, cookie } = await createOrder(refused, { address });
    expect(response.status).toBe(429);
    expect(cookie).toBeDefined();
    await expectNothingStarted([refused.orderId]);
  });
});

describe('batches', () => {
  it(`refuses a batch of more than ${MAX_BATCH_CALLS} calls with a 400, before running any`, async () => {
    const orders = Array.from({ length: MAX_BATCH_CALLS + 1 }, order);
    const { response } = await menu(`${orders.map(() => 'createOrder').join(',')}?batch=1`, {
      method: 'POST',
      headers: { 'x-forwarded-for': newAddress() },
      body: batchBody(orders),
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toMatch(/Batch call exceeds maximum size/);
    await expectNothingStarted(orders.map((o) => o.orderId));
  });

  it('refuses the same over a GET, and serves a batch at the cap', async () => {
    const products = (count: number) =>
      menu(`${Array.from({ length: count }, () => 'products').join(',')}?batch=1`);
    expect((await products(MAX_BATCH_CALLS + 1)).response.status).toBe(400);
    expect((await products(MAX_BATCH_CALLS)).response.status).toBe(200);
  });
});
