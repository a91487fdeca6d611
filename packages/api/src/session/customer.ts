import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { readCookie, writeCookie } from './cookies';

export const CUSTOMER_COOKIE = 'dd_customer';

const YEAR_SECONDS = 365 * 24 * 60 * 60;

const customerIdSchema = z.uuid();

/**
 * The anonymous customer of a menu request. Without a cookie, a new customer id is issued.
 * `null` when the cookie is not one we issued: a fresh one is set, and the request is refused
 * rather than trusted (customer ids end up in Visibility queries).
 */
export function customerSession(headers: Headers, resHeaders: Headers): string | null {
  const cookie = readCookie(headers, CUSTOMER_COOKIE);
  if (cookie !== undefined && customerIdSchema.safeParse(cookie).success) return cookie;
  const issued = randomUUID();
  writeCookie(resHeaders, CUSTOMER_COOKIE, issued, { maxAgeSeconds: YEAR_SECONDS });
  return cookie === undefined ? issued : null;
}
