import type { Staff } from '@delivery/common';
import type { AccountsDatabase } from './database';
import { WrongCredentialsError, WrongSiteError } from './errors';
import { SignInThrottle, type SignInLimits } from './sign-in-throttle';
import { StaffAccounts } from './staff-accounts';
import type { StaffRole } from './staff-schemas';
import { StaffSessions, type OpenedSession } from './staff-sessions';

/** What staff sign-in needs of the accounts database, opened once per process. */
export interface StaffAuth {
  accounts: StaffAccounts;
  sessions: StaffSessions;
  throttle: SignInThrottle;
}

export function staffAuth(
  database: AccountsDatabase,
  options: { limits?: SignInLimits; sessionLifetimeMs?: number } = {},
): StaffAuth {
  return {
    accounts: new StaffAccounts(database),
    sessions: new StaffSessions(database, { lifetimeMs: options.sessionLifetimeMs }),
    throttle: new SignInThrottle(database, options.limits),
  };
}

export interface SignInAttempt {
  email: string;
  password: string;
  /** The site's role: an account only opens the site it is for. */
  role: StaffRole;
  /** The client's network address, for throttling; `null` for an in-process caller. */
  client: string | null;
}

/**
 * Checks an email and password and opens a session. Throws `SignInThrottledError` after too many
 * failures, `WrongCredentialsError` for an unknown email or a wrong password (the same answer for
 * both), `WrongSiteError` for a right password on the other site.
 */
export async function signInStaff(
  auth: StaffAuth,
  { email, password, role, client }: SignInAttempt,
): Promise<{ staff: Staff; session: OpenedSession }> {
  await auth.throttle.attempt(client, email);
  const account = await auth.accounts.check(email, password);
  if (!account) throw new WrongCredentialsError();
  await auth.throttle.succeeded(client, email);
  if (account.role !== role) throw new WrongSiteError(account.role);
  return { staff: { id: account.id, name: account.name }, session: auth.sessions.open(account) };
}
