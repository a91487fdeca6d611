import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG } from '@delivery/common';
import { allCharges } from '@delivery/harness/ledger';
import { PORTS, localUrl } from '@delivery/harness/ports';
import { startStack } from '@delivery/harness/stack';
import { trpcError, trpcHttp, type TrpcResponse } from '@delivery/harness/trpc-http';
import { workflowTaskFailures } from '@delivery/harness/workflow-health';
import { workflowIdOf } from '@delivery/workflows/contract';

const ports = PORTS.hostile;
const paymentsUrl = localUrl(ports.payments);
const menu = trpcHttp(localUrl(ports.menu));
const driverSite = trpcHttp(localUrl(ports.driver));
const WINDOWS = {
  ORDER_PICKUP_WINDOW_MS: '120000',
  ORDER_DELIVERY_WINDOW_MS: '120000',
  ORDER_RATING_DELAY_MS: '0',
  ORDER_RATING_WINDOW_MS: '120000',
};

const customer = `dd_customer=${randomUUID()}`;
let dana = '';
let sam = '';
const startHostileStack = () =>
  startStack({
    name: 'hostile',
    payments: { sandbox: { port: ports.payments } },
    worker: {},
    sites: { menu: { port: ports.menu, env: WINDOWS }, driver: { port: ports.driver } },
  });
let stack: Awaited<ReturnType<typeof startHostileStack>>;
const dish = (productId = 'ramen', quantity: unknown = 1) => ({ productId, quantity });

/** A 4xx answer with a message a person can read, never a 500. */
function expectClientError(response: TrpcResponse, code?: string) {
  expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  const error = trpcError(response);
  if (code) expect(error.code).toBe(code);
  expect(error.message?.length ?? 0).toBeGreaterThan(0);
  // A message for a person: no stack trace, no exception class.
  expect(error.message).not.toMatch(/\bat .+\.[jt]s:\d+|^\w*Error:/);
}

async function signIn(name: string): Promise<string> {
  const response = await driverSite.mutation('signIn', { input: { name } });
  expect(response.status).toBe(200);
  return response.setCookie.map((c) => c.split(';')[0]).join('; ');
}

async function placeOrder(paymentMethod = 'pm_card_visa'): Promise<string> {
  const orderId = randomUUID();
  const response = await menu.mutation('createOrder', {
    cookie: customer,
    input: { orderId, items: [dish()], paymentMethod },
  });
  expect(response.status).toBe(200);
  return orderId;
}

async function stateOf(orderId: string): Promise<string> {
  const response = await menu.query('getOrderStatus', { cookie: customer, input: { orderId } });
  return (response.body as { result: { data: { state: string } } }).result.data.state;
}

async function waitForState(orderId: string, state: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await stateOf(orderId)) !== state) {
    if (Date.now() > deadline) throw new Error(`${orderId} never reached ${state}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function orderCount(): Promise<number> {
  const response = await menu.query('myOrders', { cookie: customer });
  return (response.body as { result: { data: unknown[] } }).result.data.length;
}

beforeAll(async () => {
  stack = await startHostileStack();
  dana = await signIn('Dana');
  sam = await signIn('Sam');
}, 240_000);

afterAll(() => stack?.stop());

describe('hostile input to createOrder', () => {
  const valid = () => ({ orderId: randomUUID(), items: [dish()] });
  const cases: Array<[string, () => unknown, string?]> = [
    ['a string instead of an object', () => 'order please'],
    ['null', () => null],
    ['a missing orderId', () => ({ items: [dish()] })],
    ['a missing items list', () => ({ orderId: randomUUID() })],
    ['an extra field', () => ({ ...valid(), totalCents: 1 })],
    ['a non-uuid order id', () => ({ ...valid(), orderId: '../../etc/passwd' })],
    ['an order id that is a number', () => ({ ...valid(), orderId: 42 })],
    ['an unknown product', () => ({ ...valid(), items: [dish('caviar')] })],
    ['a quantity of 0', () => ({ ...valid(), items: [dish('ramen', 0)] })],
    ['a negative quantity', () => ({ ...valid(), items: [dish('ramen', -3)] })],
    ['a fractional quantity', () => ({ ...valid(), items: [dish('ramen', 1.5)] })],
    ['a huge quantity', () => ({ ...valid(), items: [dish('ramen', 1e12)] })],
    ['a quantity as a string', () => ({ ...valid(), items: [dish('ramen', '2')] })],
    [
      'a hundred thousand items',
      () => ({ ...valid(), items: Array.from({ length: 100_000 }, () => dish()) }),
    ],
    ['an unknown payment method', () => ({ ...valid(), paymentMethod: 'pm_card_free_money' })],
    ['script in a product id', () => ({ ...valid(), items: [dish('<script>alert(1)</script>')] })],
  ];

  it.each(cases)('rejects %s with a 4xx and creates nothing', async (_, input) => {
    const before = { orders: await orderCount(), charges: (await allCharges(paymentsUrl)).length };
    expectClientError(
      await menu.mutation('createOrder', { cookie: customer, input: input() }),
      'BAD_REQUEST',
    );
    expect(await orderCount()).toBe(before.orders);
    expect((await allCharges(paymentsUrl)).length).toBe(before.charges);
  });

  it('rejects malformed JSON and a body of several megabytes', async () => {
    expectClientError(
      await menu.mutation('createOrder', { cookie: customer, rawBody: '{"orderId": "' }),
    );
    const huge = JSON.stringify({ ...valid(), items: [dish('x'.repeat(6 * 1024 * 1024))] });
    expectClientError(await menu.mutation('createOrder', { cookie: customer, rawBody: huge }));
  });

  it('keeps the first order when the same order id comes again with other items', async () => {
    const orderId = randomUUID();
    const first = { orderId, items: [dish('ramen', 2)] };
    expect((await menu.mutation('createOrder', { cookie: customer, input: first })).status).toBe(
      200,
    );
    expect((await menu.mutation('createOrder', { cookie: customer, input: first })).status).toBe(
      200,
    );
    expectClientError(
      await menu.mutation('createOrder', {
        cookie: customer,
        input: { orderId, items: [dish('salad', 1)] },
      }),
      'CONFLICT',
    );
    const otherCustomer = `dd_customer=${randomUUID()}`;
    expectClientError(
      await menu.mutation('createOrder', { cookie: otherCustomer, input: first }),
      'CONFLICT',
    );
    await waitForState(orderId, 'Paid');
    const charges = (await allCharges(paymentsUrl)).filter(
      (c) => c.order_id === orderId && c.status === 'succeeded',
    );
    expect(charges).toHaveLength(1);
    expect(charges[0]!.amount).toBe(2 * CATALOG.find((p) => p.id === 'ramen')!.priceCents);
  });

  it('answers every shape fast-check can think of with a 2xx or a 4xx, never a 5xx', async () => {
    const productId = fc.oneof(
      fc.constantFrom(...CATALOG.map((p) => p.id)),
      fc.string(),
      fc.anything(),
    );
    const quantity = fc.oneof(
      fc.integer(),
      fc.double(),
      fc.string(),
      fc.constant(null),
      fc.bigInt().map(String),
    );
    const nearlyAnOrder = fc.record(
      {
        orderId: fc.oneof(fc.uuid(), fc.string(), fc.integer()),
        items: fc.oneof(
          fc.array(fc.record({ productId, quantity }), { maxLength: 25 }),
          fc.anything(),
        ),
        paymentMethod: fc.oneof(
          fc.constantFrom('pm_card_visa', 'pm_card_chargeDeclined'),
          fc.string(),
        ),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(nearlyAnOrder, fc.anything()), async (input) => {
        const response = await menu.mutation('createOrder', { cookie: customer, input });
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });
});

describe('hostile input to the other procedures', () => {
  const menuProcedures = [
    ['query', 'getOrderStatus'],
    ['mutation', 'cancelOrder'],
    ['mutation', 'rateOrder'],
  ] as const;
  const driverProcedures = [
    ['query', 'getOrders'],
    ['mutation', 'pickUp'],
    ['mutation', 'deliver'],
    ['mutation', 'signIn'],
  ] as const;

  it('never answers anything with a 5xx (fast-check)', async () => {
    const procedure = fc.constantFrom(
      ...menuProcedures.map(([kind, name]) => ({ site: menu, kind, name, cookie: customer })),
      ...driverProcedures.map(([kind, name]) => ({ site: driverSite, kind, name, cookie: dana })),
    );
    const input = fc.oneof(
      fc.anything(),
      fc.record({
        orderId: fc.oneof(fc.uuid(), fc.string()),
        stars: fc.anything(),
        comment: fc.anything(),
      }),
      fc.record({
        name: fc.string({ unit: 'grapheme' }),
        passcode: fc.anything(),
        cursor: fc.string(),
        limit: fc.anything(),
      }),
    );
    await fc.assert(
      fc.asyncProperty(procedure, input, async (target, value) => {
        const response =
          target.kind === 'query'
            ? await target.site.query(target.name, { cookie: target.cookie, input: value })
            : await target.site.mutation(target.name, { cookie: target.cookie, input: value });
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
  });

  it('names unknown and malformed order ids', async () => {
    const unknown = { orderId: randomUUID() };
    expectClientError(
      await menu.query('getOrderStatus', { cookie: customer, input: unknown }),
      'NOT_FOUND',
    );
    expectClientError(
      await menu.mutation('cancelOrder', { cookie: customer, input: unknown }),
      'NOT_FOUND',
    );
    expectClientError(
      await driverSite.mutation('pickUp', { cookie: dana, input: unknown }),
      'NOT_FOUND',
    );
    expectClientError(
      await menu.query('getOrderStatus', { cookie: customer, input: { orderId: 'nope' } }),
      'BAD_REQUEST',
    );
    expectClientError(
      await driverSite.query('getOrders', { cookie: dana, input: { cursor: '%%%' } }),
      'BAD_REQUEST',
    );
    expectClientError(
      await driverSite.query('getOrders', { cookie: dana, input: { limit: 1e6 } }),
      'BAD_REQUEST',
    );
  });

  it('refuses drivers without a valid session and forged cookies', async () => {
    const orderId = await placeOrder();
    await waitForState(orderId, 'Paid');
    expectClientError(await driverSite.mutation('pickUp', { input: { orderId } }), 'UNAUTHORIZED');
    const forged = 'dd_driver=' + encodeURIComponent(JSON.stringify({ id: 'dana', name: 'Dana' }));
    expectClientError(
      await driverSite.mutation('pickUp', { cookie: forged, input: { orderId } }),
      'UNAUTHORIZED',
    );
    expect(await stateOf(orderId)).toBe('Paid');
  });

  it('keeps unicode and script in names and comments as text', async () => {
    const name = '<img src=x onerror=alert(1)> Zoë 🚲';
    const response = await driverSite.mutation('signIn', { input: { name } });
    expect(response.status).toBe(200);
    expect(
      (response.body as { result: { data: { driver: { name: string; id: string } } } }).result.data
        .driver,
    ).toMatchObject({ name });
    const cookie = response.setCookie.map((c) => c.split(';')[0]).join('; ');

    const orderId = await placeOrder();
    await waitForState(orderId, 'Paid');
    expect((await driverSite.mutation('pickUp', { cookie, input: { orderId } })).status).toBe(200);
    expect((await driverSite.mutation('deliver', { cookie, input: { orderId } })).status).toBe(200);
    const comment = '<script>alert("x")</script> ‮ 𝕳𝖊𝖑𝖑𝖔 \u0000';
    const rated = await menu.mutation('rateOrder', {
      cookie: customer,
      input: { orderId, stars: 4, comment },
    });
    expect(rated.status).toBe(200);
    const status = (await menu.query('getOrderStatus', { cookie: customer, input: { orderId } }))
      .body as {
      result: { data: { rating: { comment: string }; driver: { name: string } } };
    };
    expect(status.result.data.rating.comment).toBe(comment.trim());
    expect(status.result.data.driver.name).toBe(name);
  });
});

describe('every action in every wrong state', () => {
  it('is refused with a reason and changes nothing', async () => {
    const paid = await placeOrder();
    const pickedUp = await placeOrder();
    const delivered = await placeOrder();
    const cancelled = await placeOrder();
    const failed = await placeOrder('pm_card_chargeDeclined');
    for (const id of [paid, pickedUp, delivered, cancelled]) await waitForState(id, 'Paid');
    await driverSite.mutation('pickUp', { cookie: dana, input: { orderId: pickedUp } });
    await driverSite.mutation('pickUp', { cookie: dana, input: { orderId: delivered } });
    await driverSite.mutation('deliver', { cookie: dana, input: { orderId: delivered } });
    await menu.mutation('cancelOrder', { cookie: customer, input: { orderId: cancelled } });
    await waitForState(cancelled, 'Cancelled');
    await waitForState(failed, 'Failed');

    const actions = {
      cancel: (orderId: string) =>
        menu.mutation('cancelOrder', { cookie: customer, input: { orderId } }),
      rate: (orderId: string) =>
        menu.mutation('rateOrder', { cookie: customer, input: { orderId, stars: 5 } }),
      pickUpBySam: (orderId: string) =>
        driverSite.mutation('pickUp', { cookie: sam, input: { orderId } }),
      deliverBySam: (orderId: string) =>
        driverSite.mutation('deliver', { cookie: sam, input: { orderId } }),
    };
    const wrong: Array<[keyof typeof actions, string, string]> = [
      ['rate', paid, 'Paid'],
      ['deliverBySam', paid, 'Paid'],
      ['cancel', pickedUp, 'Picked up'],
      ['rate', pickedUp, 'Picked up'],
      ['pickUpBySam', pickedUp, 'Picked up'],
      ['deliverBySam', pickedUp, 'Picked up'],
      ['cancel', delivered, 'Delivered'],
      ['pickUpBySam', delivered, 'Delivered'],
      ['deliverBySam', delivered, 'Delivered'],
      ['cancel', cancelled, 'Cancelled'],
      ['rate', cancelled, 'Cancelled'],
      ['pickUpBySam', cancelled, 'Cancelled'],
      ['deliverBySam', cancelled, 'Cancelled'],
      ['cancel', failed, 'Failed'],
      ['rate', failed, 'Failed'],
      ['pickUpBySam', failed, 'Failed'],
      ['deliverBySam', failed, 'Failed'],
    ];
    const chargesBefore = await allCharges(paymentsUrl);
    for (const [action, orderId, state] of wrong) {
      const response = await actions[action](orderId);
      expectClientError(response, 'CONFLICT');
      expect(await stateOf(orderId), `${action} on a ${state} order`).toBe(state);
    }
    const chargesAfter = await allCharges(paymentsUrl);
    expect(chargesAfter.map((c) => [c.id, c.refunds.data.length])).toEqual(
      chargesBefore.map((c) => [c.id, c.refunds.data.length]),
    );
  });
});

describe('signals sent straight to an order, bypassing the API', () => {
  it('are ignored when malformed, and leave the order working', async () => {
    const orderId = await placeOrder();
    await waitForState(orderId, 'Paid');
    const handle = stack.client.workflow.getHandle(workflowIdOf(orderId));
    const listed: unknown[] = [
      null,
      'pickUp',
      [],
      { action: 'pickUp' },
      { requestId: '', action: 'cancel' },
      { requestId: 'x', action: 'toString' },
      { requestId: 'x', action: '__proto__' },
      { requestId: 'y', action: 'pickUp', driver: { id: 42 } },
      { requestId: 'z', action: 'rate', rating: { stars: 'five' } },
      { requestId: 'w', action: 'deliver', driver: null },
    ];
    // No argument at all is an operator's pickedUp, which is allowed: every payload is something.
    const something = fc.anything().filter((value) => value !== undefined);
    const generated = fc.sample(something, 60);
    for (const payload of [...listed, ...generated]) await handle.signal('request', payload);
    for (const name of ['pickedUp', 'delivered', 'rate'])
      for (const payload of fc.sample(something, 10)) await handle.signal(name, payload);
    // The order still answers, and none of it moved the order on.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await stateOf(orderId)).toBe('Paid');
  });
});

describe('after all of it', () => {
  it('has no failed workflow task, no crashed worker and no crashed site', async () => {
    expect(await workflowTaskFailures(stack.client, stack.taskQueue)).toEqual([]);
    for (const process of stack.processes)
      expect(process.running, `${process.spec.name} is running`).toBe(true);
    expect(stack.worker.log).not.toMatch(
      /unhandled ?rejection|Workflow task failed|DeterminismViolation/i,
    );
  });
});
