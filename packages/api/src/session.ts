import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { driverSchema, type Driver } from '@delivery/common';
import { readCookie, writeCookie } from './cookies';
import { sign, verify } from './signing';

export const CUSTOMER_COOKIE = 'dd_customer';
export const DRIVER_COOKIE = 'dd_driver';

const YEAR_SECONDS = 365 * 24 * 60 * 60;
const DRIVER_SESSION_SECONDS = 7 * 24 * 60 * 60;

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

const driverTokenSchema = driverSchema.extend({ expiresAt: z.number() });

/** The signed-in driver of a request, or `null` if none (or the cookie is forged or expired). */
export function driverSession(headers: Headers): Driver | null {
  const token = readCookie(headers, DRIVER_COOKIE);
  const payload = token === undefined ? null : verify(token);
  if (payload === null) return null;
  try {
    const parsed = driverTokenSchema.safeParse(
      JSON.parse(Buffer.from(payload, 'base64url').toString()),
    );
    if (!parsed.success || parsed.data.expiresAt < Date.now()) return null;
    return { id: parsed.data.id, name: parsed.data.name };
  } catch {
    return null;
  }
}

export function startDriverSession(resHeaders: Headers, driver: Driver): void {
  const expiresAt = Date.now() + DRIVER_SESSION_SECONDS * 1000;
  const payload = Buffer.from(JSON.stringify({ ...driver, expiresAt })).toString('base64url');
  writeCookie(resHeaders, DRIVER_COOKIE, sign(payload), { maxAgeSeconds: DRIVER_SESSION_SECONDS });
}

export function endDriverSession(resHeaders: Headers): void {
  writeCookie(resHeaders, DRIVER_COOKIE, '', { maxAgeSeconds: 0 });
}
