import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { PushSubscriptions, openAccountsDatabase } from '@delivery/accounts';
import { newSubscriber } from '../push/subscriber';
import { test, watchedContext } from './csp-watch';
import { placeOrder } from './pages';
import { E2E_ACCOUNTS_DB, menuUrl } from './site-urls';

/* The order page's "Get notified" control in Debian's headless Chromium, which has the Push API
 * but no push service to subscribe with: the permission prompt path, the service worker, and the
 * page saying honestly why it could not subscribe. */

const pushControl = (page: Page) => page.getByTestId('push-control');

/** The customer's orders page in a browser of their own; `allowed` grants notifications. */
async function customerOnOrderPage(
  browser: Parameters<typeof watchedContext>[0],
  allowed: boolean,
) {
  const context = await watchedContext(browser, menuUrl);
  if (allowed) await context.grantPermissions(['notifications'], { origin: menuUrl });
  const page = await context.newPage();
  const orderId = await placeOrder(page, ['pad-thai']);
  await expect(pushControl(page)).toHaveAttribute('data-state', 'available');
  return { page, orderId };
}

/** Calls the menu's API from the page, as its own scripts do (same origin, its cookie). */
const callFromPage = (page: Page, procedure: string, input: unknown) =>
  page.evaluate(
    async ({ procedure, input }) => {
      const response = await fetch(`/api/trpc/${procedure}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    },
    { procedure, input },
  );

test('with notifications allowed, the page registers its service worker, and says why Chromium could not subscribe', async ({
  browser,
}) => {
  const { page } = await customerOnOrderPage(browser, true);
  await page.getByTestId('push-subscribe').click();

  // Chromium's pushManager.subscribe() rejects at once without a push service to register with.
  await expect(pushControl(page)).toHaveAttribute('data-state', 'error');
  await expect(pushControl(page)).toContainText(
    /Your browser could not set up notifications \(Registration failed.*\)\. Try again later/,
  );
  await expect(page.getByTestId('push-subscribe')).toHaveText('Try again');
  const worker = await page.evaluate(
    'navigator.serviceWorker.getRegistration("/").then((r) => r && r.active && r.active.scriptURL)',
  );
  expect(worker).toBe(`${menuUrl}/push-sw.js`);
});

test('a subscription the page sends is stored with its customer, and turning off forgets it', async ({
  browser,
}) => {
  const { page, orderId } = await customerOnOrderPage(browser, true);
  const status = await page.request.get(
    `/api/trpc/getOrderStatus?input=${encodeURIComponent(JSON.stringify({ orderId }))}`,
  );
  const { customerId } = (await status.json()).result.data as { customerId: string };
  const stored = new PushSubscriptions(openAccountsDatabase(process.env[E2E_ACCOUNTS_DB]!));
  // What a browser with a push service would hand the page: an https endpoint and its keys.
  const { subscription } = newSubscriber(`https://fcm.googleapis.com/fcm/send/${randomUUID()}`);

  expect(await callFromPage(page, 'subscribePush', subscription)).toMatchObject({ status: 200 });
  expect(stored.list(customerId)).toEqual([
    expect.objectContaining({ endpoint: subscription.endpoint, keys: subscription.keys }),
  ]);
  const notHttps = { ...subscription, endpoint: 'http://push.example/send/plain' };
  expect(await callFromPage(page, 'subscribePush', notHttps)).toMatchObject({
    status: 400,
    body: { error: { message: 'The push endpoint must be an https URL.' } },
  });

  const turnOff = { endpoint: subscription.endpoint };
  expect(await callFromPage(page, 'unsubscribePush', turnOff)).toMatchObject({
    status: 200,
    body: { result: { data: { removed: true } } },
  });
  expect(stored.list(customerId)).toEqual([]);
});

test('with notifications blocked, the page explains how to allow them again', async ({
  browser,
}) => {
  // Without the permission, headless Chromium answers the prompt with "denied", as a person would.
  const { page } = await customerOnOrderPage(browser, false);
  await page.getByTestId('push-subscribe').click();
  await expect(pushControl(page)).toHaveAttribute('data-state', 'denied');
  await expect(pushControl(page)).toContainText(
    /Notifications are blocked for this site\. To get them, allow notifications in your browser’s settings/,
  );
});
