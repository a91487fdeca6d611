import type { AccountsDatabase } from './database';
import { SignInThrottledError } from './errors';
import { RateLimiter, type RateLimit } from './rate-limits';

export interface SignInLimits {
  /** Sign-ins from one client address: slows a guesser trying many accounts. */
  perClient: RateLimit;
  /** Sign-ins to one email, from anywhere: slows a guesser spread over many addresses. */
  perEmail: RateLimit;
}

export const SIGN_IN_LIMITS: SignInLimits = {
  perClient: { points: 20, windowSeconds: 15 * 60 },
  perEmail: { points: 10, windowSeconds: 15 * 60 },
};

/**
 * Slows repeated failed sign-ins. Each attempt is counted before its password is checked and
 * given back when it succeeds, so a burst of parallel guesses cannot all slip past the count.
 */
export class SignInThrottle {
  private readonly perClient: RateLimiter;
  private readonly perEmail: RateLimiter;

  constructor(database: AccountsDatabase, limits: SignInLimits = SIGN_IN_LIMITS) {
    this.perClient = new RateLimiter(database, 'sign-in-client', limits.perClient);
    this.perEmail = new RateLimiter(database, 'sign-in-email', limits.perEmail);
  }

  /**
   * Counts an attempt, or throws `SignInThrottledError` with how long to wait. `client` is `null`
   * for an in-process caller, which has no address to count.
   */
  async attempt(client: string | null, email: string): Promise<void> {
    const waits = await Promise.all([
      client === null ? null : this.perClient.attempt(client),
      this.perEmail.attempt(email),
    ]);
    const waitMs = Math.max(...waits.map((wait) => wait ?? 0));
    if (waits.some((wait) => wait !== null))
      throw new SignInThrottledError(Math.max(1, Math.ceil(waitMs / 1000)));
  }

  /**
   * The right password clears the email's failures; the client's attempt is given back but its
   * other failures stand, so one known account does not buy a guesser a fresh start.
   */
  async succeeded(client: string | null, email: string): Promise<void> {
    await Promise.all([
      client === null ? null : this.perClient.giveBack(client),
      this.perEmail.forget(email),
    ]);
  }
}
