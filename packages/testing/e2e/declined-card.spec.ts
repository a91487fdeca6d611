import { expect } from '@playwright/test';
import { test } from './csp-watch';
import { customerPage, keepScreenshot, money, orderState, placeOrder } from './pages';

test('a declined card shows the failure to the customer', async ({ browser }, testInfo) => {
  const customer = await customerPage(browser);
  await placeOrder(customer, ['burrito'], 'pm_card_chargeDeclined');
  await expect(orderState(customer)).toHaveText(/Failed/);
  await expect(customer.getByTestId('failure-reason')).toContainText(/declined/i);
  await expect(money(customer)).toHaveAttribute('data-money', 'not charged');
  await expect(customer.getByTestId('cancel-order')).toHaveCount(0);
  await keepScreenshot(customer, testInfo, 'customer-card-declined');
});
