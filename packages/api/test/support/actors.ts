import { randomUUID } from 'node:crypto';
import type { Driver, OrderWindows, Staff } from '@delivery/common';
import {
  createCallerFactory,
  createContext,
  driverRouter,
  menuRouter,
  restaurantRouter,
  type Context,
} from '../../src';
import { services } from './services';

const menuCaller = createCallerFactory(menuRouter);
const driverCaller = createCallerFactory(driverRouter);
const restaurantCaller = createCallerFactory(restaurantRouter);

/** A customer with their own session, calling the menu router as the menu site would. */
export function customer(
  options: { orderWindows?: Partial<OrderWindows>; context?: Partial<Context> } = {},
) {
  const { config } = services;
  const context = createContext({
    ...services,
    config: { ...config, orderWindows: options.orderWindows ?? config.orderWindows },
    customerId: randomUUID(),
    ...options.context,
  });
  const abort = new AbortController();
  return {
    id: context.customerId!,
    context,
    menu: menuCaller(context, { signal: abort.signal }),
    /** Closes the customer's open subscriptions, as closing the page does. */
    close: () => abort.abort(),
  };
}

/**
 * A staff member as a session names them; the id is new for each actor, so no test sees another's
 * orders on its board.
 */
const staffMember = (name: string, role: 'driver' | 'restaurant'): Staff => ({
  id: `${role}-${randomUUID().slice(0, 8)}`,
  name,
});

/** A signed-in driver calling the driver router. */
export function driver(
  name = `Driver ${randomUUID().slice(0, 8)}`,
  context: Partial<Context> = {},
) {
  const signedIn: Driver = staffMember(name, 'driver');
  const abort = new AbortController();
  return {
    ...signedIn,
    board: driverCaller(createContext({ ...services, driver: signedIn, ...context }), {
      signal: abort.signal,
    }),
    close: () => abort.abort(),
  };
}

export const signedOutDriver = () => driverCaller(createContext(services));

/** A signed-in member of the restaurant's staff calling the restaurant router. */
export function kitchen(name = 'Kim Park') {
  const signedIn: Staff = staffMember(name, 'restaurant');
  const abort = new AbortController();
  return {
    ...signedIn,
    tickets: restaurantCaller(createContext({ ...services, restaurantStaff: signedIn }), {
      signal: abort.signal,
    }),
    close: () => abort.abort(),
  };
}

export const signedOutKitchen = () => restaurantCaller(createContext(services));

export const dishes = (quantity = 1) => [
  { productId: 'margherita', quantity },
  { productId: 'ramen', quantity: 1 },
];

/** Places an order of `dishes()` and returns its id. */
export async function placeOrder(
  who: ReturnType<typeof customer>,
  options: { paymentMethod?: 'pm_card_visa' | 'pm_card_chargeDeclined' } = {},
): Promise<string> {
  const orderId = randomUUID();
  await who.menu.createOrder({ orderId, items: dishes(), ...options });
  return orderId;
}
