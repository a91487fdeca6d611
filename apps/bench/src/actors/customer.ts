import { randomUUID } from 'node:crypto';
import { CUSTOMER_COOKIE, customerCookieValue } from '@delivery/api/session';
import { BENCH_ITEMS, MENU_URL, SESSION_SECRET } from '../config';
import { SiteClient } from '../http/site-client';
import { OrderPage } from './order-page';

/**
 * A customer of the menu site, with the signed session cookie the site would have given it: signed
 * here with the sites' secret, so no measured request is spent asking for one.
 */
export class Customer {
  readonly id = randomUUID();
  private readonly menu = new SiteClient(
    MENU_URL,
    `${CUSTOMER_COOKIE}=${customerCookieValue(this.id, SESSION_SECRET)}`,
  );

  /** The menu's dishes: a request to the site that makes no Temporal call. */
  products(): Promise<unknown> {
    return this.menu.query('products');
  }

  async createOrder(orderId: string = randomUUID()): Promise<string> {
    await this.menu.mutation('createOrder', { orderId, items: BENCH_ITEMS });
    return orderId;
  }

  /** The order's page, following the order over Server-Sent Events as the browser does. */
  openOrderPage(orderId: string): OrderPage {
    return new OrderPage((signal) => this.menu.subscribe('orderUpdates', { orderId }, signal));
  }
}
