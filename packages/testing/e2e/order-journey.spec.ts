import { expect, test } from '@playwright/test';
import { customerPage, keepScreenshot, orderState, placeOrder, signedInDriver } from './pages';

test('a customer orders two dishes, a driver delivers them, the customer rates the meal', async ({
  browser,
}, testInfo) => {
  const customer = await customerPage(browser);
  await customer.goto('/');
  await customer.getByTestId('add-to-cart-margherita').click();
  await customer.getByTestId('add-to-cart-ramen').click();
  await customer.getByTestId('cart-line-ramen').getByTestId('increment-ramen').click();
  await expect(customer.getByTestId('cart-total')).toHaveText('$44.50');
  const orderId = await placeOrder(customer, []);
  await expect(orderState(customer)).toHaveText(/Paid/);

  const driver = await signedInDriver(browser, 'Dana');
  await driver.getByTestId(`pick-up-${orderId}`).click();
  await expect(orderState(customer)).toHaveText(/Picked up/);
  await expect(customer.getByTestId('driver')).toContainText('Dana');
  await driver.getByTestId(`deliver-${orderId}`).click();
  await expect(orderState(customer)).toHaveText(/Delivered/);
  await keepScreenshot(driver, testInfo, 'driver-after-delivery');

  // The radio itself is visually hidden: a person clicks the star drawn in its label.
  await customer.locator('label', { has: customer.getByTestId('star-5') }).click();
  await expect(customer.getByTestId('star-5')).toBeChecked();
  await customer.getByTestId('rating-comment').fill('Still hot. Thank you!');
  await customer.getByTestId('submit-rating').click();
  await expect(customer.getByTestId('given-rating')).toContainText('Still hot');
  await expect(customer.getByTestId('order-timeline')).toContainText('Delivered');
  await keepScreenshot(customer, testInfo, 'customer-rated');

  await customer.goto('/orders');
  await expect(customer.getByTestId(`my-order-${orderId}`)).toContainText('Delivered');
});
