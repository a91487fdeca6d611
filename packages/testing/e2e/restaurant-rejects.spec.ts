import { expect } from '@playwright/test';
import { test } from './csp-watch';
import {
  customerPage,
  keepScreenshot,
  money,
  orderState,
  placeOrder,
  signedInKitchen,
} from './pages';

const REASON = 'We are out of rice tonight.';

test('the restaurant rejects an order with a reason; the customer reads it and is not charged', async ({
  browser,
}, testInfo) => {
  const customer = await customerPage(browser);
  const orderId = await placeOrder(customer, ['pad-thai']);
  await expect(orderState(customer)).toHaveText(/Waiting for restaurant/);

  const kitchen = await signedInKitchen(browser);
  await kitchen.getByTestId(`reject-${orderId}`).click();
  await kitchen.getByTestId(`reject-reason-${orderId}`).fill(REASON);
  await kitchen.getByTestId(`confirm-reject-${orderId}`).click();
  await expect(kitchen.getByTestId(`ticket-${orderId}`)).toHaveCount(0);

  await expect(orderState(customer)).toHaveText(/Rejected/);
  const answer = customer.getByTestId('restaurant-answer');
  await expect(answer).toHaveAttribute('data-answer', 'rejected');
  await expect(answer.getByTestId('rejection-reason')).toHaveText(REASON);
  await expect(money(customer)).toHaveAttribute('data-money', 'released');
  await expect(money(customer)).toContainText(/hold released/i);
  await expect(customer.getByTestId('notifications')).toContainText(REASON);
  await expect(customer.getByTestId('order-again')).toBeVisible();
  await keepScreenshot(customer, testInfo, 'customer-rejected');
});
