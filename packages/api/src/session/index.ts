/**
 * The `@delivery/api/session` entry: what a site's proxy and a load generator need of the
 * sessions, without the routers or a Temporal client.
 */
export { servedOverHttps } from './cookies';
export { CUSTOMER_COOKIE, customerCookieValue, customerSession } from './customer';
export { sessionSecret } from './secret';
export { DRIVER_COOKIE, RESTAURANT_COOKIE } from './staff-sites';
