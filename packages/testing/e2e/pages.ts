import { expect, type Browser, type Page, type TestInfo } from '@playwright/test';
import { DEMO_PASSWORD } from '@delivery/common';
import { watchedContext } from './csp-watch';
import { driverUrl, menuUrl, restaurantUrl } from './site-urls';

/** A customer in a browser of their own (their own session cookie). */
export async function customerPage(browser: Browser): Promise<Page> {
  const context = await watchedContext(browser, menuUrl);
  return context.newPage();
}

/**
 * Staff in a browser of their own, signed in on their site with a demo account (the stack seeds
 * them; `prefix` names the form's fields).
 */
async function signedInStaff(
  browser: Browser,
  site: { baseURL: string; prefix: string },
  email: string,
): Promise<Page> {
  const context = await watchedContext(browser, site.baseURL);
  const page = await context.newPage();
  await page.goto('/');
  await page.getByTestId(`${site.prefix}-email`).fill(email);
  await page.getByTestId(`${site.prefix}-password`).fill(DEMO_PASSWORD);
  await page.getByTestId('sign-in').click();
  await expect(page.getByTestId('sign-out')).toBeVisible();
  return page;
}

/** A driver looking at the board: `dana@example.com` (Dana) or `sam@example.com` (Sam). */
export const signedInDriver = (browser: Browser, email: string): Promise<Page> =>
  signedInStaff(browser, { baseURL: driverUrl, prefix: 'driver' }, email);

/** The restaurant's staff at the pass (the demo account, Kitchen), looking at the tickets. */
export const signedInKitchen = (browser: Browser): Promise<Page> =>
  signedInStaff(browser, { baseURL: restaurantUrl, prefix: 'staff' }, 'kitchen@example.com');

/** The kitchen accepts a new ticket, promising the food in `prepMinutes`. */
export async function acceptTicket(kitchen: Page, orderId: string, prepMinutes: number) {
  const ticket = kitchen.getByTestId(`ticket-${orderId}`);
  await ticket.getByTestId(`prep-minutes-${orderId}`).fill(String(prepMinutes));
  await ticket.getByTestId(`accept-${orderId}`).click();
  await expect(ticket).toHaveAttribute('data-state', 'Preparing');
}

/** The kitchen puts the food at the pass; the ticket waits there for a driver. */
export async function markTicketReady(kitchen: Page, orderId: string) {
  await kitchen.getByTestId(`mark-ready-${orderId}`).click();
  await expect(kitchen.getByTestId(`ticket-${orderId}`)).toHaveAttribute(
    'data-state',
    'Ready for pickup',
  );
}

/** Signs the kitchen in, accepts the order and marks it ready: it then waits for a driver. */
export async function readyAtThePass(browser: Browser, orderId: string): Promise<Page> {
  const kitchen = await signedInKitchen(browser);
  await acceptTicket(kitchen, orderId, 0);
  await markTicketReady(kitchen, orderId);
  return kitchen;
}

/** Orders the dishes with the chosen card and returns the new order's id from its page. */
export async function placeOrder(
  page: Page,
  dishes: string[],
  paymentMethod = 'pm_card_visa',
): Promise<string> {
  await page.goto('/');
  for (const dish of dishes) await page.getByTestId(`add-to-cart-${dish}`).click();
  await page.getByTestId(`payment-${paymentMethod}`).check();
  await page.getByTestId('place-order').click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
  return page.url().split('/').pop()!;
}

export const orderState = (page: Page) => page.getByTestId('order-state');

/** Where the customer's money stands, as the order page shows it (`data-money`). */
export const money = (page: Page) => page.getByTestId('money');

/** Keeps a picture of the end state with the test's artifacts. */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await testInfo.attach(name, {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
}
