import { randomUUID } from 'node:crypto';
import type { OrderStatus } from '@delivery/common';
import type { Replicas } from '@delivery/harness/replicas';
import { PATHS, type PlannedOrder } from './plan';
import { ACTION_PATIENCE_MS } from './settings';
import { answered, type Sessions, type Sites } from './site-users';

export const RATING = { stars: 5, comment: 'Hot, and on time through it all' };
const REJECTION = 'Out of fresh basil tonight.';
const ITEMS = [
  { productId: 'margherita', quantity: 1 },
  { productId: 'ramen', quantity: 2 },
];
const STATUS_POLL_MS = 250;

/**
 * The customers, the kitchen and the drivers, each doing their part of an order's path through
 * the sites' HTTP API, every request to the replica whose turn it is.
 */
export class Actors {
  constructor(
    private readonly sites: Sites,
    private readonly sessions: Sessions,
  ) {}

  customerOf(order: PlannedOrder): string {
    return this.sessions.customers[order.customer]!;
  }

  /** The customer places the order: the same order id again is the same order. */
  place(order: PlannedOrder): Promise<{ orderId: string }> {
    const input = {
      orderId: order.orderId,
      items: ITEMS,
      paymentMethod: PATHS[order.path].paymentMethod,
    };
    return answered(`placing ${order.path} order ${order.orderId}`, () =>
      this.sites.menu.mutation('createOrder', { cookie: this.customerOf(order), input }),
    );
  }

  /** Everyone does what the order's path asks of them, each as soon as the order lets them. */
  async follow(order: PlannedOrder): Promise<void> {
    const { path } = order;
    if (path === 'card declined' || path === 'restaurant silent') return;
    await this.waitForRestaurant(order);
    if (path === 'cancelled by customer')
      return void (await this.act(this.sites.menu, 'cancelOrder', this.customerOf(order), order));
    const { kitchen } = this.sessions;
    if (path === 'rejected by restaurant')
      return void (await this.act(this.sites.restaurant, 'rejectOrder', kitchen, order, {
        reason: REJECTION,
      }));
    await this.act(this.sites.restaurant, 'acceptOrder', kitchen, order, { prepMinutes: 0 });
    await this.act(this.sites.restaurant, 'markReady', kitchen, order);
    if (path === 'no driver') return;
    const driver = this.sessions.drivers[order.driver!];
    await this.act(this.sites.driver, 'pickUp', driver, order);
    if (path === 'delivery timeout') return;
    await this.act(this.sites.driver, 'deliver', driver, order);
    await this.act(this.sites.menu, 'rateOrder', this.customerOf(order), order, RATING);
  }

  /** Sends an action that must be accepted; retries are the same request (its request id). */
  private act(
    site: Replicas,
    procedure: string,
    cookie: string,
    order: PlannedOrder,
    input: Record<string, unknown> = {},
  ): Promise<OrderStatus> {
    const requestId = randomUUID();
    return answered(`${procedure} of ${order.path} order ${order.orderId}`, () =>
      site.mutation(procedure, {
        cookie,
        input: { orderId: order.orderId, requestId, ...input },
      }),
    );
  }

  /** The customer's order page, read until the card is held and the restaurant is asked. */
  private async waitForRestaurant(order: PlannedOrder): Promise<void> {
    const deadline = Date.now() + ACTION_PATIENCE_MS;
    for (;;) {
      const status = await answered<OrderStatus>(`reading order ${order.orderId}`, () =>
        this.sites.menu.query('getOrderStatus', {
          cookie: this.customerOf(order),
          input: { orderId: order.orderId },
        }),
      );
      if (status.state === 'Waiting for restaurant') return;
      if (status.state !== 'Authorizing card' || Date.now() > deadline)
        throw new Error(`${order.path} order ${order.orderId} is ${status.state}, not waiting`);
      await new Promise((resolve) => setTimeout(resolve, STATUS_POLL_MS));
    }
  }
}
