import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { initTRPC } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApiRoute } from '../src';
import { MAX_REQUEST_BYTES } from '../src/api-route';

const t = initTRPC.create();
let subscriptionEnded: () => void;
const subscriptionEnd = new Promise<void>((resolve) => (subscriptionEnded = resolve));
let procedureRuns = 0;

const router = t.router({
  small: t.procedure.query(() => ({ orderId: 'a small answer' })),
  large: t.procedure.query(() => 'x'.repeat(4_000)),
  echo: t.procedure.input(z.object({ note: z.string() })).mutation(({ input }) => {
    procedureRuns += 1;
    return input.note;
  }),
  signIn: t.procedure.mutation(({ ctx }) => {
    (ctx as { resHeaders: Headers }).resHeaders.append('set-cookie', 'a=1; Path=/');
    (ctx as { resHeaders: Headers }).resHeaders.append('set-cookie', 'b=2; Path=/');
    return 'signed in';
  }),
  updates: t.procedure.subscription(async function* ({ signal }) {
    try {
      yield 'a change';
      await new Promise((resolve) => signal?.addEventListener('abort', resolve));
    } finally {
      subscriptionEnded();
    }
  }),
});

let server: Server;
let siteUrl: string;

beforeAll(async () => {
  server = createServer(
    createApiRoute({
      endpoint: '/api/trpc',
      router,
      createContext: async ({ resHeaders }) => ({ resHeaders }),
      allowedOrigins: () => [],
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

const call = (path: string, init?: RequestInit) => fetch(`${siteUrl}/api/trpc/${path}`, init);
const post = (path: string, body: string) =>
  call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe("the sites' tRPC route on Node", () => {
  it('answers whole, with its length, which lets the site leave a small answer ungzipped', async () => {
    const response = await call('small');
    const body = JSON.stringify({ result: { data: { orderId: 'a small answer' } } });
    expect(response.headers.get('content-length')).toBe(String(body.length));
    expect(response.headers.get('transfer-encoding')).toBeNull();
    expect(await response.text()).toBe(body);
  });

  it('gives a large answer its length too, so the site gzips it', async () => {
    const response = await call('large');
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(4_000);
    expect(((await response.json()) as { result: { data: string } }).result.data).toHaveLength(
      4_000,
    );
  });

  it('reads a mutation body and keeps the status and every cookie a procedure set', async () => {
    const echoed = await post('echo', JSON.stringify({ note: 'extra cheese' }));
    expect(await echoed.json()).toEqual({ result: { data: 'extra cheese' } });
    const signedIn = await post('signIn', '');
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect((await call('nowhere')).status).toBe(404);
  });

  it('refuses a body over its limit with a 413, before the procedure runs', async () => {
    const runsBefore = procedureRuns;
    const response = await post('echo', JSON.stringify({ note: 'x'.repeat(MAX_REQUEST_BYTES) }));
    expect(response.status).toBe(413);
    expect(procedureRuns).toBe(runsBefore);
  });

  it('answers a method other than GET and POST with a 405 that names them', async () => {
    const response = await call('small', { method: 'PUT' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
  });

  it('streams live updates as they come, and a page that leaves ends the subscription', async () => {
    const leaving = new AbortController();
    const response = await call(`updates?input=${encodeURIComponent('null')}`, {
      signal: leaving.signal,
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = '';
    while (!received.includes('data: "a change"')) received += (await reader.read()).value;
    expect(received).toMatch(/^retry: 1000\n/);
    leaving.abort();
    await expect(subscriptionEnd).resolves.toBeUndefined();
  });
});
