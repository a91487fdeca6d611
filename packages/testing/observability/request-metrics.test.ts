import { describe, expect, it } from 'vitest';
import {
  configFromEnv,
  createMenuContext,
  createRouteHandler,
  createServices,
  menuRouter,
} from '@delivery/api';
import { tempFile } from '@delivery/harness/services';
import { metricsRoute } from '@delivery/observability';
import { samplesNamed, samplesOf } from './prometheus-text';

/** The menu's API as its Next route mounts it; no procedure called here reaches Temporal. */
const services = createServices(
  configFromEnv({
    SESSION_SECRET: 'observability-test-secret',
    ACCOUNTS_DB_PATH: tempFile('observability-accounts-', 'accounts.sqlite'),
    ORDER_EVENTS_DB_PATH: tempFile('observability-events-', 'events.sqlite'),
  }),
);
const menu = createRouteHandler({
  endpoint: '/api/trpc',
  router: menuRouter,
  createContext: (options) => createMenuContext(options, services),
});
const call = (path: string) => menu(new Request(`http://localhost/api/trpc/${path}`));
const input = (value: unknown) => `input=${encodeURIComponent(JSON.stringify(value))}`;

/** What a Prometheus server scraping the site's /api/metrics reads. */
async function scrape() {
  const response = await metricsRoute();
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return samplesOf(await response.text());
}

describe("a site's request metrics (/api/metrics)", () => {
  it('count each procedure call by outcome, batches call by call, and time them', async () => {
    expect((await call('products')).status).toBe(200);
    expect((await call(`getOrderStatus?${input({ orderId: 'not-an-order-id' })}`)).status).toBe(
      400,
    );
    const batch = await call(`products,getOrderStatus?batch=1&${input({ 1: { orderId: 'x' } })}`);
    expect(batch.status).toBe(207);

    const samples = await scrape();
    const count = (procedure: string, outcome: string) =>
      samplesNamed(samples, 'trpc_requests_total', { procedure, outcome }).map((s) => s.value);
    expect(count('products', 'ok')).toEqual([2]);
    expect(count('getOrderStatus', 'BAD_REQUEST')).toEqual([2]);
    expect(count('getOrderStatus', 'ok')).toEqual([]);
    const timed = samplesNamed(samples, 'trpc_request_duration_seconds_count', {
      procedure: 'products',
      outcome: 'ok',
    });
    expect(timed.map((s) => s.value)).toEqual([2]);
    // Node's own metrics come with them.
    expect(samplesNamed(samples, 'process_cpu_user_seconds_total')).toHaveLength(1);
  });

  it('name a procedure the router does not know `unknown`, so no client can make up labels', async () => {
    expect((await call('dropTables')).status).toBe(404);

    const samples = await scrape();
    expect(
      samplesNamed(samples, 'trpc_requests_total', { procedure: 'unknown', outcome: 'NOT_FOUND' }),
    ).toHaveLength(1);
    expect(samples.some((sample) => sample.labels.procedure === 'dropTables')).toBe(false);
  });
});
