import { randomUUID } from 'node:crypto';
import { expect, test, type APIResponse } from '@playwright/test';
import { driverUrl, menuUrl, restaurantUrl } from './site-urls';

/* Every page, API answer and static file of the production sites carries the security headers. */

const PAGES = [
  `${menuUrl}/`,
  `${menuUrl}/orders`,
  `${menuUrl}/orders/${randomUUID()}`,
  `${menuUrl}/no-such-page`,
  `${driverUrl}/`,
  `${restaurantUrl}/`,
];
const API_CALLS = [
  `${menuUrl}/api/trpc/products`,
  `${driverUrl}/api/trpc/me`,
  `${restaurantUrl}/api/trpc/me`,
];

function expectEveryResponseHeader(response: APIResponse) {
  const headers = response.headers();
  expect(headers, response.url()).toMatchObject({
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
  });
  expect(headers['permissions-policy']).toMatch(/camera=\(\), microphone=\(\), geolocation=\(\)/);
  // Plain HTTP here: HSTS only goes out over HTTPS.
  expect(headers['strict-transport-security']).toBeUndefined();
}

/** The policy's directives by name. */
const directives = (response: APIResponse): Map<string, string> =>
  new Map(
    (response.headers()['content-security-policy'] ?? '').split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources.join(' ')];
    }),
  );

test('every page has the headers and a policy whose nonce is on every script', async ({
  request,
}) => {
  for (const url of PAGES) {
    const response = await request.get(url);
    expectEveryResponseHeader(response);
    const policy = directives(response);
    const nonce = policy.get('script-src')?.match(/'nonce-([^']+)'/)?.[1];
    expect(policy.get('script-src'), url).toBe(`'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(Object.fromEntries(policy), url).toMatchObject({
      'default-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data: blob:",
      'connect-src': "'self'",
      'worker-src': "'self'",
      'manifest-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'self'",
      'form-action': "'self'",
      'frame-ancestors': "'none'",
    });
    const scripts = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
    expect(scripts.length, url).toBeGreaterThan(0);
    for (const script of scripts) expect(script, url).toContain(`nonce="${nonce}"`);
  }
});

test('each page view gets a nonce of its own', async ({ request }) => {
  const nonces = new Set<string | undefined>();
  for (let view = 0; view < 3; view++) {
    const response = await request.get(`${driverUrl}/`);
    nonces.add(
      directives(response)
        .get('script-src')
        ?.match(/'nonce-([^']+)'/)?.[1],
    );
  }
  expect(nonces.size).toBe(3);
});

test('API answers and static files carry them too; the API may load nothing', async ({
  request,
}) => {
  for (const url of API_CALLS) {
    const response = await request.get(url);
    expectEveryResponseHeader(response);
    expect(response.headers()['content-security-policy']).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  }
  const refused = await request.post(`${menuUrl}/api/trpc/cancelOrder`, { data: {} });
  expect(refused.status()).toBe(400);
  expectEveryResponseHeader(refused);

  const page = await (await request.get(`${menuUrl}/`)).text();
  const script = page.match(/<script[^>]* src="(\/_next\/static\/[^"]+)"/)?.[1];
  expectEveryResponseHeader(await request.get(`${menuUrl}${script}`));
});
