import { expect } from '@playwright/test';
import { test } from './csp-watch';
import {
  acceptTicket,
  customerPage,
  keepScreenshot,
  markTicketReady,
  money,
  orderState,
  placeOrder,
  signedInDriver,
  signedInKitchen,
} from './pages';

const PREP_MINUTES = 12;

test('a customer orders, the kitchen accepts and readies it, a driver delivers it, the customer rates it', async ({
  browser,
}, testInfo) => {
  // Three browsers, each waiting on the others: room for a loaded machine.
  test.slow();
  const customer = await customerPage(browser);
  await customer.goto('/');
  await customer.getByTestId('add-to-cart-margherita').click();
  await customer.getByTestId('add-to-cart-ramen').click();
  await customer.getByTestId('cart-line-ramen').getByTestId('increment-ramen').click();
  await expect(customer.getByTestId('cart-total')).toHaveText('$44.50');
  const orderId = await placeOrder(customer, []);
  await expect(orderState(customer)).toHaveText(/Waiting for restaurant/);
  await expect(money(customer)).toHaveAttribute('data-money', 'authorized');
  await expect(money(customer)).toContainText('$44.50 held on your card');
  await expect(customer.getByTestId('cancel-order')).toBeVisible();

  // The kitchen sees the new ticket and accepts it, promising the food in 12 minutes.
  const kitchen = await signedInKitchen(browser);
  await expect(
    kitchen.getByTestId('section-waiting').getByTestId(`ticket-${orderId}`),
  ).toBeVisible();
  const acceptedAt = Date.now();
  await acceptTicket(kitchen, orderId, PREP_MINUTES);

  await expect(orderState(customer)).toHaveText(/Preparing/);
  const answer = customer.getByTestId('restaurant-answer');
  await expect(answer).toHaveAttribute('data-answer', 'accepted');
  await expect(answer).toContainText('Accepted by Kitchen');
  const promised = Date.parse((await answer.getByTestId('ready-at').getAttribute('datetime'))!);
  expect(promised - acceptedAt).toBeGreaterThan((PREP_MINUTES - 1) * 60_000);
  expect(promised - acceptedAt).toBeLessThan((PREP_MINUTES + 1) * 60_000);
  await expect(money(customer)).toContainText('held on your card');
  await expect(customer.getByTestId('cancel-order')).toHaveCount(0);
  await keepScreenshot(customer, testInfo, 'customer-preparing');

  // Drivers see it coming up, with its ready time, and cannot pick it up yet.
  const driver = await signedInDriver(browser, 'dana@example.com');
  const comingUp = driver.getByTestId('section-coming-up').getByTestId(`board-order-${orderId}`);
  await expect(comingUp).toBeVisible();
  await expect(comingUp.getByTestId('ready-at')).toContainText('Ready around');
  await expect(driver.getByTestId(`pick-up-${orderId}`)).toHaveCount(0);
  await keepScreenshot(driver, testInfo, 'driver-coming-up');

  await markTicketReady(kitchen, orderId);
  await expect(orderState(customer)).toHaveText(/Ready for pickup/);
  await expect(
    driver.getByTestId('section-waiting').getByTestId(`pick-up-${orderId}`),
  ).toBeVisible();
  await driver.getByTestId(`pick-up-${orderId}`).click();

  await expect(orderState(customer)).toHaveText(/Picked up/);
  await expect(customer.getByTestId('driver')).toContainText('Dana');
  await expect(money(customer)).toHaveAttribute('data-money', 'captured');
  await expect(money(customer)).toContainText('$44.50 charged');
  await expect(kitchen.getByTestId(`ticket-${orderId}`)).toHaveCount(0);

  await driver.getByTestId(`deliver-${orderId}`).click();
  await expect(orderState(customer)).toHaveText(/Delivered/);
  await keepScreenshot(driver, testInfo, 'driver-after-delivery');

  // The radio itself is visually hidden: a person clicks the star drawn in its label.
  await customer.locator('label', { has: customer.getByTestId('star-5') }).click();
  await expect(customer.getByTestId('star-5')).toBeChecked();
  await customer.getByTestId('rating-comment').fill('Still hot. Thank you!');
  await customer.getByTestId('submit-rating').click();
  await expect(customer.getByTestId('given-rating')).toContainText('Still hot');
  await expect(customer.getByTestId('order-timeline')).toContainText('Ready for pickup');
  await keepScreenshot(customer, testInfo, 'customer-rated');

  await customer.goto('/orders');
  await expect(customer.getByTestId(`my-order-${orderId}`)).toContainText('Delivered');
});
