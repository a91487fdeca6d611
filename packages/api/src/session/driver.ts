import { z } from 'zod';
import { driverSchema, type Driver } from '@delivery/common';
import { readCookie, writeCookie } from './cookies';
import { sign, verify } from './signing';

export const DRIVER_COOKIE = 'dd_driver';

const DRIVER_SESSION_SECONDS = 7 * 24 * 60 * 60;

const driverTokenSchema = driverSchema.extend({ expiresAt: z.number() });

/** The signed-in driver of a request, or `null` if none (or the cookie is forged or expired). */
export function driverSession(headers: Headers, secret: string): Driver | null {
  const token = readCookie(headers, DRIVER_COOKIE);
  const payload = token === undefined ? null : verify(token, secret);
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

export function startDriverSession(resHeaders: Headers, driver: Driver, secret: string): void {
  const expiresAt = Date.now() + DRIVER_SESSION_SECONDS * 1000;
  const payload = Buffer.from(JSON.stringify({ ...driver, expiresAt })).toString('base64url');
  writeCookie(resHeaders, DRIVER_COOKIE, sign(payload, secret), {
    maxAgeSeconds: DRIVER_SESSION_SECONDS,
  });
}

export function endDriverSession(resHeaders: Headers): void {
  writeCookie(resHeaders, DRIVER_COOKIE, '', { maxAgeSeconds: 0 });
}
