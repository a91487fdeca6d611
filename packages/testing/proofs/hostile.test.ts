import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG, DEMO_PASSWORD } from '@delivery/common';
import { allCharges, amountsAuthorized, holdsOf } from '@delivery/harness/ledger';
import { trpcError, type TrpcResponse } from '@delivery/harness/trpc-http';
import { workflowTaskFailures } from '@delivery/harness/workflow-health';
import { workflowIdOf } from '@delivery/workflows/contract';
import { BAD_KITCHEN_INPUT, BAD_TICKET_PAGES } from './hostile/restaurant-cases';
import {
  customer,
  dish,
  driverSite,
  cookiesOf,
  HOSTILE_NAMED_DRIVER,
  expectClientError,
  kitchen,
  menu,
  newCustomer,
  orderCount,
  paymentsUrl,
  placeOrder,
  preparingOrder,
  readyOrder,
  restaurantSite,
  signInStaff,
  staff,
  startCustomer,
  startHostileStack,
  stateOf,
  waitForState,
} from './hostile/sites';

let stack: Awaited<ReturnType<typeof startHostileStack>>;

beforeAll(async () => {
  stack = await startHostileStack();
  await startCustomer();
  await signInStaff();
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
      'PAYLOAD_TOO_LARGE',
    ],
    ['an unknown payment method', () => ({ ...valid(), paymentMethod: 'pm_card_free_money' })],
    ['script in a product id', () => ({ ...valid(), items: [dish('<script>alert(1)</script>')] })],
  ];

  it.each(cases)('rejects %s with a 4xx and creates nothing', async (_, input, code) => {
    const before = { orders: await orderCount(), charges: (await allCharges(paymentsUrl)).length };
    expectClientError(
      await menu.mutation('createOrder', { cookie: customer, input: input() }),
      code ?? 'BAD_REQUEST',
    );
    expect(await orderCount()).toBe(before.orders);
    expect((await allCharges(paymentsUrl)).length).toBe(before.charges);
  });

  it('rejects malformed JSON and a body of several megabytes', async () => {
    expectClientError(
      await menu.mutation('createOrder', { cookie: customer, rawBody: '{"orderId": "' }),
    );
    const huge = JSON.stringify({ ...valid(), items: [dish('x'.repeat(6 * 1024 * 1024))] });
    expectClientError(
      await menu.mutation('createOrder', { cookie: customer, rawBody: huge }),
      'PAYLOAD_TOO_LARGE',
    );
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
    const otherCustomer = await newCustomer();
    expectClientError(
      await menu.mutation('createOrder', { cookie: otherCustomer, input: first }),
      'CONFLICT',
    );
    await waitForState(orderId, 'Waiting for restaurant');
    expect(await amountsAuthorized(paymentsUrl, orderId)).toEqual([
      2 * CATALOG.find((p) => p.id === 'ramen')!.priceCents,
    ]);
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
  const restaurantProcedures = [
    ['query', 'getTickets'],
    ['mutation', 'acceptOrder'],
    ['mutation', 'rejectOrder'],
    ['mutation', 'markReady'],
    ['mutation', 'signIn'],
  ] as const;

  it('never answers anything with a 5xx (fast-check)', async () => {
    const procedure = fc.constantFrom(
      ...menuProcedures.map(([kind, name]) => ({ site: menu, kind, name, cookie: customer })),
      ...driverProcedures.map(([kind, name]) => ({
        site: driverSite,
        kind,
        name,
        cookie: staff.dana,
      })),
      ...restaurantProcedures.map(([kind, name]) => ({
        site: restaurantSite,
        kind,
        name,
        cookie: staff.kitchen,
      })),
    );
    const input = fc.oneof(
      fc.anything(),
      fc.record({
        orderId: fc.oneof(fc.uuid(), fc.string()),
        stars: fc.anything(),
        comment: fc.anything(),
      }),
      fc.record({
        orderId: fc.oneof(fc.uuid(), fc.string(), fc.anything()),
        prepMinutes: fc.oneof(fc.integer(), fc.double(), fc.anything()),
        reason: fc.oneof(fc.string({ unit: 'grapheme' }), fc.anything()),
        requestId: fc.anything(),
      }),
      fc.record({
        email: fc.oneof(fc.emailAddress(), fc.string({ unit: 'grapheme' }), fc.anything()),
        password: fc.oneof(fc.string({ unit: 'grapheme' }), fc.anything()),
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
      await driverSite.mutation('pickUp', { cookie: staff.dana, input: unknown }),
      'NOT_FOUND',
    );
    expectClientError(
      await menu.query('getOrderStatus', { cookie: customer, input: { orderId: 'nope' } }),
      'BAD_REQUEST',
    );
    expectClientError(
      await driverSite.query('getOrders', { cookie: staff.dana, input: { cursor: '%%%' } }),
      'BAD_REQUEST',
    );
    expectClientError(
      await driverSite.query('getOrders', { cookie: staff.dana, input: { limit: 1e6 } }),
      'BAD_REQUEST',
    );
  });

  it('refuses drivers without a valid session and forged cookies', async () => {
    const orderId = await readyOrder();
    expectClientError(await driverSite.mutation('pickUp', { input: { orderId } }), 'UNAUTHORIZED');
    const forged = 'dd_driver=' + encodeURIComponent(JSON.stringify({ id: 'dana', name: 'Dana' }));
    expectClientError(
      await driverSite.mutation('pickUp', { cookie: forged, input: { orderId } }),
      'UNAUTHORIZED',
    );
    expect(await stateOf(orderId)).toBe('Ready for pickup');
  });

  it('signs no one in without their password, whatever the sign-in holds', async () => {
    for (const input of [
      undefined,
      { name: 'Dana' },
      { name: 'Dana', passcode: '' },
      { email: 'dana@example.com' },
      { email: 'dana@example.com', password: '' },
      { email: 'dana@example.com', password: `${DEMO_PASSWORD} ` },
      { email: "dana@example.com' OR '1'='1", password: "' OR '1'='1" },
      { email: 'dana@example.com', password: { $ne: null } },
      { email: ['dana@example.com'], password: DEMO_PASSWORD },
      { email: 'dana@example.com', password: DEMO_PASSWORD, id: 'sam' },
      { email: 'dana@example.com', password: 'x'.repeat(10_000) },
    ]) {
      const response = await driverSite.mutation('signIn', { input });
      expectClientError(response);
      expect(response.setCookie, JSON.stringify(input)).toEqual([]);
    }
  });

  it('keeps unicode and script in names and comments as text', async () => {
    const { name, email } = HOSTILE_NAMED_DRIVER;
    const response = await driverSite.mutation('signIn', {
      input: { email, password: DEMO_PASSWORD },
    });
    expect(response.status).toBe(200);
    expect(
      (response.body as { result: { data: { driver: { name: string; id: string } } } }).result.data
        .driver,
    ).toMatchObject({ name });
    const cookie = cookiesOf(response);

    const orderId = await readyOrder();
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

describe("hostile input to the restaurant's procedures", () => {
  let waiting: string;
  beforeAll(async () => {
    waiting = await placeOrder();
    await waitForState(waiting, 'Waiting for restaurant');
  }, 120_000);
  const untouched = async () => ({
    state: await stateOf(waiting),
    holds: await holdsOf(paymentsUrl, waiting),
  });
  const WAITING_AND_HELD = {
    state: 'Waiting for restaurant',
    holds: { authorized: 1, held: 1, captured: 0, released: 0 },
  };

  it.each(BAD_KITCHEN_INPUT)(
    '%s with %s: a 4xx, and the order and its hold unchanged',
    async (procedure, _, input) => {
      expectClientError(await kitchen(procedure, input(waiting)), 'BAD_REQUEST');
      expect(await untouched()).toEqual(WAITING_AND_HELD);
    },
  );

  it.each(BAD_TICKET_PAGES)('getTickets with %s: a 4xx', async (_, input) => {
    expectClientError(
      await restaurantSite.query('getTickets', { cookie: staff.kitchen, input }),
      'BAD_REQUEST',
    );
  });

  it('names an order that does not exist', async () => {
    const orderId = randomUUID();
    expectClientError(await kitchen('acceptOrder', { orderId, prepMinutes: 5 }), 'NOT_FOUND');
    expectClientError(await kitchen('rejectOrder', { orderId, reason: 'Closed.' }), 'NOT_FOUND');
    expectClientError(await kitchen('markReady', { orderId }), 'NOT_FOUND');
  });

  it("refuses anyone without a kitchen session: none, forged, or a driver's", async () => {
    const forged = 'dd_staff=' + encodeURIComponent(JSON.stringify({ id: 'k', name: 'Kitchen' }));
    // A driver's signed session under the kitchen's cookie name: signed with the same secret,
    // but for the other site.
    const driversToken = staff.dana.split('; ').find((c) => c.startsWith('dd_driver='))!;
    const asKitchen = driversToken.replace(/^dd_driver=/, 'dd_staff=');
    for (const cookie of [undefined, forged, asKitchen, staff.dana]) {
      expectClientError(
        await restaurantSite.query('getTickets', { cookie, input: {} }),
        'UNAUTHORIZED',
      );
      for (const [procedure, input] of [
        ['acceptOrder', { orderId: waiting, prepMinutes: 5 }],
        ['rejectOrder', { orderId: waiting, reason: 'Closed.' }],
        ['markReady', { orderId: waiting }],
      ] as const) {
        expectClientError(
          await restaurantSite.mutation(procedure, { cookie, input }),
          'UNAUTHORIZED',
        );
      }
    }
    // Nor does the kitchen's session work on the driver's site.
    expectClientError(
      await driverSite.mutation('pickUp', { cookie: staff.kitchen, input: { orderId: waiting } }),
      'UNAUTHORIZED',
    );
    expect(await untouched()).toEqual(WAITING_AND_HELD);
  });
});

describe('every action in every wrong state', () => {
  it('is refused with a reason and changes neither the order nor its money', async () => {
    const [waiting, cancelled, rejected, failed] = await Promise.all([
      placeOrder(),
      placeOrder(),
      placeOrder(),
      placeOrder('pm_card_chargeDeclined'),
    ]);
    const [preparing, ready, pickedUp, delivered] = await Promise.all([
      preparingOrder(),
      readyOrder(),
      readyOrder(),
      readyOrder(),
    ]);
    for (const id of [waiting, cancelled, rejected])
      await waitForState(id, 'Waiting for restaurant');
    const expectAccepted = async (response: Promise<TrpcResponse>) =>
      expect((await response).status).toBe(200);
    await expectAccepted(
      driverSite.mutation('pickUp', { cookie: staff.dana, input: { orderId: pickedUp } }),
    );
    await expectAccepted(
      driverSite.mutation('pickUp', { cookie: staff.dana, input: { orderId: delivered } }),
    );
    await expectAccepted(
      driverSite.mutation('deliver', { cookie: staff.dana, input: { orderId: delivered } }),
    );
    await expectAccepted(
      menu.mutation('cancelOrder', { cookie: customer, input: { orderId: cancelled } }),
    );
    await expectAccepted(kitchen('rejectOrder', { orderId: rejected, reason: 'Out of rice.' }));
    await waitForState(cancelled, 'Cancelled');
    await waitForState(rejected, 'Rejected');
    await waitForState(failed, 'Failed');

    const actions = {
      cancel: (orderId: string) =>
        menu.mutation('cancelOrder', { cookie: customer, input: { orderId } }),
      rate: (orderId: string) =>
        menu.mutation('rateOrder', { cookie: customer, input: { orderId, stars: 5 } }),
      accept: (orderId: string) => kitchen('acceptOrder', { orderId, prepMinutes: 5 }),
      reject: (orderId: string) => kitchen('rejectOrder', { orderId, reason: 'Out of rice.' }),
      markReady: (orderId: string) => kitchen('markReady', { orderId }),
      pickUpBySam: (orderId: string) =>
        driverSite.mutation('pickUp', { cookie: staff.sam, input: { orderId } }),
      deliverBySam: (orderId: string) =>
        driverSite.mutation('deliver', { cookie: staff.sam, input: { orderId } }),
    };
    type Action = keyof typeof actions;
    /** What may be done to an order in each state; every other action is a wrong one. */
    const allowed: Array<[string, string, Action[]]> = [
      [waiting, 'Waiting for restaurant', ['accept', 'reject', 'cancel']],
      [preparing, 'Preparing', ['reject', 'markReady']],
      [ready, 'Ready for pickup', ['pickUpBySam']],
      [pickedUp, 'Picked up', []],
      [delivered, 'Delivered', ['rate']],
      [cancelled, 'Cancelled', []],
      [rejected, 'Rejected', []],
      [failed, 'Failed', []],
    ];
    const moneyOf = async () => ({
      charges: (await allCharges(paymentsUrl)).map((c) => [c.id, c.status, c.refunds.data.length]),
      holds: await Promise.all(allowed.map(([orderId]) => holdsOf(paymentsUrl, orderId))),
    });
    const moneyBefore = await moneyOf();
    for (const [orderId, state, mayBe] of allowed) {
      for (const action of (Object.keys(actions) as Action[]).filter((a) => !mayBe.includes(a))) {
        expectClientError(await actions[action](orderId), 'CONFLICT');
        expect(await stateOf(orderId), `${action} on a ${state} order`).toBe(state);
      }
    }
    expect(await moneyOf()).toEqual(moneyBefore);
  });
});

describe('signals sent straight to an order, bypassing the API', () => {
  it('are ignored when malformed, and leave the order working', async () => {
    const orderId = await placeOrder();
    await waitForState(orderId, 'Waiting for restaurant');
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
      { requestId: 'a', action: 'accept', staff: { id: 'k', name: 'K' }, prepMinutes: -1 },
      { requestId: 'b', action: 'accept', staff: null, prepMinutes: 5 },
      { requestId: 'c', action: 'reject', staff: { id: 'k', name: 'K' }, reason: 42 },
      { requestId: 'd', action: 'reject', staff: { id: 7 }, reason: 'Closed.' },
      { requestId: 'e', action: 'markReady', staff: 'kitchen' },
    ];
    // No argument at all is an operator's pickedUp, which is allowed: every payload is something.
    const something = fc.anything().filter((value) => value !== undefined);
    const generated = fc.sample(something, 60);
    for (const payload of [...listed, ...generated]) await handle.signal('request', payload);
    for (const name of ['pickedUp', 'delivered', 'rate'])
      for (const payload of fc.sample(something, 10)) await handle.signal(name, payload);
    // The order still answers, and none of it moved the order on or touched its hold.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await stateOf(orderId)).toBe('Waiting for restaurant');
    expect(await holdsOf(paymentsUrl, orderId)).toEqual({
      authorized: 1,
      held: 1,
      captured: 0,
      released: 0,
    });
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

describe('what a batch, a cookie and another customer can reach', () => {
  it('refuses a batch of more than 10 calls with a 400, and starts none of it', async () => {
    const before = { orders: await orderCount(), charges: (await allCharges(paymentsUrl)).length };
    const orders = Array.from({ length: 11 }, () => ({ orderId: randomUUID(), items: [dish()] }));
    const response = await menu.mutation(`${orders.map(() => 'createOrder').join(',')}?batch=1`, {
      cookie: customer,
      rawBody: JSON.stringify({ ...orders }),
    });
    expectClientError(response, 'BAD_REQUEST');
    expect(trpcError(response).message).toMatch(/batch/i);
    expect(await orderCount()).toBe(before.orders);
    expect((await allCharges(paymentsUrl)).length).toBe(before.charges);
    for (const { orderId } of orders)
      expect(await holdsOf(paymentsUrl, orderId)).toMatchObject({ authorized: 0 });
  });

  it('makes a forged or edited customer cookie a new customer, never the one it names', async () => {
    const orderId = await placeOrder();
    const [id, signature] = customer.replace(/^dd_customer=/, '').split('.');
    for (const forged of [
      `dd_customer=${id}`,
      `dd_customer=${randomUUID()}.${signature}`,
      `dd_customer=${id}.${signature!.slice(1)}x`,
    ]) {
      const response = await menu.query('getOrderStatus', { cookie: forged, input: { orderId } });
      expectClientError(response, 'NOT_FOUND');
      const issued = cookiesOf(response);
      expect(issued).toMatch(/^dd_customer=[0-9a-f-]{36}\./);
      expect(issued).not.toContain(id);
    }
  });

  it("answers another customer's order as one that does not exist, and leaves it as it was", async () => {
    const orderId = await placeOrder();
    await waitForState(orderId, 'Waiting for restaurant');
    const stranger = await newCustomer();
    const answers = async (id: string) =>
      Promise.all(
        [
          menu.query('getOrderStatus', { cookie: stranger, input: { orderId: id } }),
          menu.mutation('cancelOrder', { cookie: stranger, input: { orderId: id } }),
          menu.mutation('rateOrder', { cookie: stranger, input: { orderId: id, stars: 1 } }),
        ].map(async (call) => {
          const response = await call;
          const { code, message } = trpcError(response);
          return { status: response.status, code, message: message?.replace(id, '<order>') };
        }),
      );
    const notFound = { status: 404, code: 'NOT_FOUND', message: 'No order <order>.' };
    expect(await answers(orderId)).toEqual([notFound, notFound, notFound]);
    expect(await answers(randomUUID())).toEqual([notFound, notFound, notFound]);
    expect(await stateOf(orderId)).toBe('Waiting for restaurant');
    expect(await holdsOf(paymentsUrl, orderId)).toMatchObject({ held: 1, released: 0 });
  });
});
