import { expect } from '@playwright/test';
import { test } from './csp-watch';
import { customerPage, keepScreenshot, money, orderState, placeOrder } from './pages';

test('a customer cancels before the restaurant answers and the hold is released', async ({
  browser,
}, testInfo) => {
  const customer = await customerPage(browser);
  await placeOrder(customer, ['pad-thai', 'salad']);
  await expect(orderState(customer)).toHaveText(/Waiting for restaurant/);
  await customer.getByTestId('cancel-order').click();
  await customer.getByTestId('confirm-cancel').click();
  await expect(orderState(customer)).toHaveText(/Cancelled/);
  await expect(money(customer)).toHaveAttribute('data-money', 'released');
  await expect(money(customer)).toContainText(/not charged/);
  await expect(customer.getByTestId('notifications')).toContainText(
    /hold on your card was released/i,
  );
  await keepScreenshot(customer, testInfo, 'customer-cancelled');
});
