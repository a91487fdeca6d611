import { z } from 'zod';
import { driverSchema, type Staff } from '@delivery/common';
import { readCookie, writeCookie } from './cookies';
import { checkStaffPasscode } from './passcode';
import { sign, verify } from './signing';
import { staffIdOf } from './staff-id';
import type { StaffSite } from './staff-sites';

const STAFF_SESSION_SECONDS = 7 * 24 * 60 * 60;

/**
 * The session names its site: both sites sign with one secret, so without it a driver's cookie
 * pasted under the restaurant's name would open the kitchen.
 */
const staffTokenSchema = driverSchema.extend({ role: z.string(), expiresAt: z.number() });

/** The signed-in staff member of a request to `site`, or `null` (none, forged, expired, other site). */
export function staffSession(headers: Headers, site: StaffSite, secret: string): Staff | null {
  const token = readCookie(headers, site.cookie);
  const payload = token === undefined ? null : verify(token, secret);
  if (payload === null) return null;
  try {
    const parsed = staffTokenSchema.safeParse(
      JSON.parse(Buffer.from(payload, 'base64url').toString()),
    );
    if (!parsed.success || parsed.data.role !== site.role || parsed.data.expiresAt < Date.now())
      return null;
    return { id: parsed.data.id, name: parsed.data.name };
  } catch {
    return null;
  }
}

/** Signs `name` in to `site` (with the passcode, when one is configured) and sets its cookie. */
export function signInStaff(
  resHeaders: Headers,
  site: StaffSite,
  { name, passcode }: { name: string; passcode?: string },
  config: { sessionSecret: string; staffPasscode: string | null },
): Staff {
  checkStaffPasscode(passcode, config.staffPasscode);
  const staff = { id: staffIdOf(name, site.role), name };
  const expiresAt = Date.now() + STAFF_SESSION_SECONDS * 1000;
  const token = Buffer.from(JSON.stringify({ ...staff, role: site.role, expiresAt })).toString(
    'base64url',
  );
  writeCookie(resHeaders, site.cookie, sign(token, config.sessionSecret), {
    maxAgeSeconds: STAFF_SESSION_SECONDS,
  });
  return staff;
}

export function signOutStaff(resHeaders: Headers, site: StaffSite): void {
  writeCookie(resHeaders, site.cookie, '', { maxAgeSeconds: 0 });
}
