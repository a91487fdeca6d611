import {
  SignInThrottledError,
  signInStaff as checkSignIn,
  type StaffAuth,
} from '@delivery/accounts';
import type { SignInInput, Staff } from '@delivery/common';
import { readCookie, writeCookie } from './cookies';
import { sign, verify } from './signing';
import type { StaffSite } from './staff-sites';

/** What a staff site's request holds that signing in and out reads and writes. */
interface StaffRequest {
  config: { sessionSecret: string };
  staff: StaffAuth;
  headers: Headers;
  resHeaders: Headers;
  secure: boolean;
  clientAddress: string | null;
}

/**
 * The session token in the site's cookie, when we signed it: the signature turns away a forged or
 * edited cookie before the database is asked.
 */
function sessionToken(headers: Headers, site: StaffSite, secret: string): string | null {
  const cookie = readCookie(headers, site.cookie);
  return cookie === undefined ? null : verify(cookie, secret);
}

/**
 * The signed-in staff member of a request to `site`, or `null`: no cookie, a forged one, or a
 * session that expired, was signed out, or was opened on the other site.
 */
export function staffSession(
  headers: Headers,
  site: StaffSite,
  { config, staff }: Pick<StaffRequest, 'config' | 'staff'>,
): Staff | null {
  const token = sessionToken(headers, site, config.sessionSecret);
  return token === null ? null : staff.sessions.find(token, site.role);
}

/** Checks the email and password, opens a session on `site` and sets its cookie. */
export async function signInStaff(
  request: StaffRequest,
  site: StaffSite,
  { email, password }: SignInInput,
): Promise<Staff> {
  try {
    const { staff, session } = await checkSignIn(request.staff, {
      email,
      password,
      role: site.role,
      client: request.clientAddress,
    });
    writeCookie(
      request.resHeaders,
      site.cookie,
      sign(session.token, request.config.sessionSecret),
      {
        maxAgeSeconds: Math.floor((session.expiresAt.getTime() - Date.now()) / 1000),
        secure: request.secure,
      },
    );
    return staff;
  } catch (error) {
    if (error instanceof SignInThrottledError)
      request.resHeaders.set('Retry-After', String(error.retryAfterSeconds));
    throw error;
  }
}

/** Ends the session server-side, so a copy of the cookie kept elsewhere stops working too. */
export function signOutStaff(request: StaffRequest, site: StaffSite): void {
  const token = sessionToken(request.headers, site, request.config.sessionSecret);
  if (token !== null) request.staff.sessions.end(token);
  writeCookie(request.resHeaders, site.cookie, '', { maxAgeSeconds: 0, secure: request.secure });
}
