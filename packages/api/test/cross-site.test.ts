import { initTRPC } from '@trpc/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { createRouteHandler } from '../src';

/** A router that counts the times its mutation ran, behind the sites' route handler. */
let runs = 0;
const t = initTRPC.create();
const router = t.router({
  order: t.procedure.mutation(() => ++runs),
  orders: t.procedure.query(() => runs),
});
const handler = createRouteHandler({
  endpoint: '/api/trpc',
  router,
  createContext: async () => ({}),
  allowedOrigins: () => ['https://shop.example.com'],
});

const SITE = 'http://127.0.0.1:3000';
const post = (headers: Record<string, string>, path = 'order') =>
  handler(
    new Request(`${SITE}/api/trpc/${path}`, {
      method: 'POST',
      headers: { host: '127.0.0.1:3000', 'content-type': 'application/json', ...headers },
    }),
  );

interface ErrorBody {
  error: { message: string; data: { code: string; httpStatus: number } };
}

async function expectRefused(response: Response) {
  expect(response.status).toBe(403);
  const body = (await response.json()) as ErrorBody | ErrorBody[];
  for (const { error } of [body].flat()) {
    expect(error.data).toMatchObject({ code: 'FORBIDDEN', httpStatus: 403 });
    expect(error.message).toMatch(/another site/);
  }
  expect(runs).toBe(0);
}

beforeEach(() => {
  runs = 0;
});

describe('a mutation from another site', () => {
  it('is refused with a 403 before the procedure runs', async () => {
    await expectRefused(await post({ origin: 'https://evil.example' }));
  });

  it('is refused when the browser says it is cross-site, whatever Origin says', async () => {
    await expectRefused(await post({ origin: SITE, 'sec-fetch-site': 'cross-site' }));
  });

  it('is refused from a sibling origin (same site, another port) and from `Origin: null`', async () => {
    await expectRefused(await post({ origin: 'http://127.0.0.1:3001' }));
    await expectRefused(await post({ origin: 'null' }));
  });

  it('is refused in a batch, each call answered FORBIDDEN', async () => {
    await expectRefused(await post({ origin: 'https://evil.example' }, 'order,order?batch=1'));
  });

  it('refuses queries and live updates (GET) from another site too', async () => {
    const response = await handler(
      new Request(`${SITE}/api/trpc/orders`, {
        headers: { host: '127.0.0.1:3000', origin: 'https://evil.example' },
      }),
    );
    await expectRefused(response);
  });
});

describe('a mutation the site may take', () => {
  it('runs from its own pages', async () => {
    const response = await post({ origin: SITE, 'sec-fetch-site': 'same-origin' });
    expect(response.status).toBe(200);
    expect(runs).toBe(1);
  });

  it('runs behind a TLS proxy that names the public host', async () => {
    const response = await post({
      origin: 'https://delivery.example.com',
      'x-forwarded-host': 'delivery.example.com',
      'x-forwarded-proto': 'https',
    });
    expect(response.status).toBe(200);
  });

  it('runs from an allowed origin (ALLOWED_ORIGINS)', async () => {
    expect((await post({ origin: 'https://shop.example.com' })).status).toBe(200);
  });

  it('runs without Origin: curl and servers carry no browser cookies to abuse', async () => {
    expect((await post({})).status).toBe(200);
    expect(runs).toBe(1);
  });
});
