import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { readCookie, writeCookie } from './cookies';
import { sign, verify } from './signing';

export const CUSTOMER_COOKIE = 'dd_customer';

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Staff sessions and page cursors are signed with the same secret, so a signature alone does not
 * make a customer: the payload must also be a customer id (a uuid, safe in Visibility queries).
 */
const customerIdSchema = z.uuid();

/** The cookie value that proves `customerId`: the id, signed. */
export const customerCookieValue = (customerId: string, secret: string): string =>
  sign(customerId, secret);

/**
 * The anonymous customer of a menu request. A request without a cookie we signed (none, edited,
 * forged, or signed with another secret) is served as a new customer, whose cookie is set on the
 * response: it never becomes anyone else.
 */
export function customerSession(
  headers: Headers,
  resHeaders: Headers,
  { secret, secure }: { secret: string; secure: boolean },
): string {
  const cookie = readCookie(headers, CUSTOMER_COOKIE);
  const claimed = cookie === undefined ? null : verify(cookie, secret);
  if (claimed !== null && customerIdSchema.safeParse(claimed).success) return claimed;
  const issued = randomUUID();
  writeCookie(resHeaders, CUSTOMER_COOKIE, customerCookieValue(issued, secret), {
    maxAgeSeconds: YEAR_SECONDS,
    secure,
  });
  return issued;
}
