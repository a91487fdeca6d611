import { expect, test } from '@playwright/test';
import { customerPage, keepScreenshot, orderState, placeOrder } from './pages';

test('a customer cancels while Paid and sees the refund', async ({ browser }, testInfo) => {
  const customer = await customerPage(browser);
  await placeOrder(customer, ['pad-thai', 'salad']);
  await expect(orderState(customer)).toHaveText(/Paid/);
  await customer.getByTestId('cancel-order').click();
  await customer.getByTestId('confirm-cancel').click();
  await expect(orderState(customer)).toHaveText(/Cancelled/);
  await expect(customer.getByTestId('notifications')).toContainText(/refunded/i);
  await keepScreenshot(customer, testInfo, 'customer-cancelled');
});
