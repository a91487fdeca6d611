import { expect, test } from '@playwright/test';
import { customerPage, keepScreenshot, orderState, placeOrder, signedInDriver } from './pages';

test('when two drivers race for one order, the first wins and the second is told who has it', async ({
  browser,
}, testInfo) => {
  const customer = await customerPage(browser);
  const orderId = await placeOrder(customer, ['falafel']);
  await expect(orderState(customer)).toHaveText(/Paid/);

  const dana = await signedInDriver(browser, 'Dana');
  const sam = await signedInDriver(browser, 'Sam');
  await Promise.all([
    dana.getByTestId(`pick-up-${orderId}`).click(),
    sam.getByTestId(`pick-up-${orderId}`).click(),
  ]);

  await expect(orderState(customer)).toHaveText(/Picked up/);
  const winner = (await customer.getByTestId('driver').innerText()).includes('Dana') ? 'Dana' : 'Sam';
  const [winnerPage, loserPage] = winner === 'Dana' ? [dana, sam] : [sam, dana];
  await expect(loserPage.getByText(`Picked up by another driver (${winner}).`)).toBeVisible();
  await expect(winnerPage.getByTestId(`deliver-${orderId}`)).toBeVisible();
  await expect(loserPage.getByTestId(`deliver-${orderId}`)).toHaveCount(0);
  await keepScreenshot(loserPage, testInfo, 'losing-driver');
  await keepScreenshot(winnerPage, testInfo, 'winning-driver');
});
