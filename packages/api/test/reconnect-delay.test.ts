import { initTRPC } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { serverSentEvents, type ServerSentEvent } from '@delivery/harness/server-sent-events';
import { createRouteHandler } from '../src';
import { RECONNECT_MS } from '../src/live/reconnect-delay';

/* A browser waits about 3 s before it reconnects a broken stream unless the stream says `retry:`. */

let subscriptionsOpen = 0;
const t = initTRPC.create();
const router = t.router({
  status: t.procedure.query(() => ({ state: 'Preparing' })),
  updates: t.procedure.subscription(async function* () {
    subscriptionsOpen += 1;
    try {
      for (;;) {
        yield 'a change';
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      subscriptionsOpen -= 1;
    }
  }),
});
const handler = createRouteHandler({
  endpoint: '/api/trpc',
  router,
  createContext: async ({ resHeaders }) => ({ resHeaders }),
  allowedOrigins: () => [],
});

const subscribe = () =>
  handler(
    new Request(`http://127.0.0.1:3000/api/trpc/updates?input=${encodeURIComponent('null')}`),
  );

/** The stream's events until its first value, which it returns. */
async function firstValue(events: AsyncGenerator<ServerSentEvent>): Promise<unknown> {
  for await (const event of events) {
    if (event.name === undefined && event.data) return JSON.parse(event.data);
  }
  throw new Error('the stream ended without a value');
}

describe('a live stream of the API', () => {
  it('tells the page to reconnect within a second, before its first event', async () => {
    const response = await subscribe();
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const events = serverSentEvents(response.body!);
    expect((await events.next()).value).toMatchObject({ retryMs: RECONNECT_MS, data: '' });
    expect(RECONNECT_MS).toBeLessThan(3_000);
    expect(await firstValue(events)).toBe('a change');
    await events.return(undefined);
  });

  it('still ends the subscription when the page leaves', async () => {
    await expect.poll(() => subscriptionsOpen).toBe(0);
    const events = serverSentEvents((await subscribe()).body!);
    await firstValue(events);
    expect(subscriptionsOpen).toBe(1);
    await events.return(undefined);
    await expect.poll(() => subscriptionsOpen).toBe(0);
  });

  it('leaves an answer that is not a stream as it was', async () => {
    const response = await handler(new Request('http://127.0.0.1:3000/api/trpc/status'));
    expect(await response.text()).toBe(
      JSON.stringify({ result: { data: { state: 'Preparing' } } }),
    );
  });
});
