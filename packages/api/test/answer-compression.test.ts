import { initTRPC } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { createRouteHandler } from '../src';

/* Next gzips whatever a route answers unless the answer says `no-transform`. */

const t = initTRPC.create();
const router = t.router({
  small: t.procedure.query(() => ({ orderId: 'a small answer' })),
  large: t.procedure.query(() => 'x'.repeat(4_000)),
  signIn: t.procedure.mutation(({ ctx }) => {
    (ctx as { resHeaders: Headers }).resHeaders.append('set-cookie', 'a=1; Path=/');
    (ctx as { resHeaders: Headers }).resHeaders.append('set-cookie', 'b=2; Path=/');
    return 'signed in';
  }),
  updates: t.procedure.subscription(async function* () {
    yield 'a change';
  }),
});
const handler = createRouteHandler({
  endpoint: '/api/trpc',
  router,
  createContext: async ({ resHeaders }) => ({ resHeaders }),
  allowedOrigins: () => [],
});

const call = (path: string, init?: RequestInit) =>
  handler(new Request(`http://127.0.0.1:3000/api/trpc/${path}`, init));

describe('an answer of the API', () => {
  it('too small to gain from gzip says no-transform, and arrives whole', async () => {
    const response = await call('small');
    expect(response.headers.get('cache-control')).toBe('no-transform');
    expect(await response.json()).toEqual({ result: { data: { orderId: 'a small answer' } } });
  });

  it('large enough to gain from gzip is left for the site to compress', async () => {
    const response = await call('large');
    expect(response.headers.get('cache-control')).toBeNull();
    expect(((await response.json()) as { result: { data: string } }).result.data).toHaveLength(
      4_000,
    );
  });

  it('keeps its status and every cookie a procedure set', async () => {
    const response = await call('signIn', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect((await call('nowhere')).status).toBe(404);
  });

  it('that streams (live updates) stays a stream, which tRPC already keeps from gzip', async () => {
    const response = await call(`updates?input=${encodeURIComponent('null')}`);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(await response.text()).toContain('data: "a change"');
  });
});
