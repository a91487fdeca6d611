import { expect } from '@playwright/test';
import { test } from './csp-watch';
import {
  customerPage,
  keepScreenshot,
  orderState,
  placeOrder,
  readyAtThePass,
  signedInDriver,
} from './pages';

test('when two drivers race for one order, the first wins and the second is told who has it', async ({
  browser,
}, testInfo) => {
  const customer = await customerPage(browser);
  const orderId = await placeOrder(customer, ['falafel']);
  await readyAtThePass(browser, orderId);
  await expect(orderState(customer)).toHaveText(/Ready for pickup/);

  const dana = await signedInDriver(browser, 'dana@example.com');
  const sam = await signedInDriver(browser, 'sam@example.com');
  // Sam's board is a moment behind (his live updates are held back), as a slow phone's would be,
  // so his tap reaches the order after Dana's has taken it.
  await sam.route('**/api/trpc/boardUpdates**', (route) => route.abort());
  await sam.reload();
  await expect(sam.getByTestId(`pick-up-${orderId}`)).toBeVisible();

  await dana.getByTestId(`pick-up-${orderId}`).click();
  await expect(orderState(customer)).toHaveText(/Picked up/);
  await expect(customer.getByTestId('driver')).toContainText('Dana');

  await sam.getByTestId(`pick-up-${orderId}`).click();
  await expect(sam.getByText('Picked up by another driver (Dana).')).toBeVisible();
  await expect(sam.getByTestId(`pick-up-${orderId}`)).toHaveCount(0);
  await expect(dana.getByTestId(`deliver-${orderId}`)).toBeVisible();
  await keepScreenshot(sam, testInfo, 'losing-driver');
  await keepScreenshot(dana, testInfo, 'winning-driver');
});
