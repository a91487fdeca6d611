/**
 * The `@delivery/api/session` entry: what a site's proxy and a load generator need of the
 * sessions, without the routers or a Temporal client.
 */
export { CUSTOMER_COOKIE, customerSession } from './customer';
export { DRIVER_COOKIE, RESTAURANT_COOKIE } from './staff-sites';
