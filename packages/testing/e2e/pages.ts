import { expect, type Browser, type Page, type TestInfo } from '@playwright/test';
import { driverUrl, menuUrl } from './site-urls';

/** A customer in a browser of their own (their own session cookie). */
export async function customerPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: menuUrl });
  return context.newPage();
}

/** A driver in a browser of their own, signed in by name, looking at the board. */
export async function signedInDriver(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: driverUrl });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByTestId('driver-name').fill(name);
  await page.getByTestId('sign-in').click();
  await expect(page.getByTestId('sign-out')).toBeVisible();
  return page;
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

/** Keeps a picture of the end state with the test's artifacts. */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await testInfo.attach(name, {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
}
