import { RateLimiter, type AccountsDatabase } from '@delivery/accounts';

/** How many orders may be placed per minute. */
export interface OrderRateLimits {
  perCustomer: number;
  perAddress: number;
}

/** Over an order limit: nothing was started, and the customer may try again after a while. */
export class TooManyOrdersError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(
      `That is a lot of orders in a short time. You can place the next one in ${retryAfterSeconds} s.`,
    );
    this.name = 'TooManyOrdersError';
  }
}

/**
 * Every order placed counts against two limits before its workflow starts. The customer's keeps
 * one session from ordering in a loop. It alone is not enough: a client that drops its cookie is a
 * new customer on every request, so the address's limit bounds what one script can start. That
 * one is generous, because an office, a campus or a carrier's NAT puts many customers behind one
 * address.
 */
export class OrderRateLimit {
  private readonly perCustomer: RateLimiter;
  private readonly perAddress: RateLimiter;

  constructor(database: AccountsDatabase, limits: OrderRateLimits) {
    const perMinute = (points: number) => ({ points, windowSeconds: 60 });
    this.perCustomer = new RateLimiter(
      database,
      'orders-per-customer',
      perMinute(limits.perCustomer),
    );
    this.perAddress = new RateLimiter(database, 'orders-per-address', perMinute(limits.perAddress));
  }

  /** Counts one order, or throws `TooManyOrdersError`. `address` is `null` for in-process callers. */
  async admit(customerId: string, address: string | null): Promise<void> {
    const waits = await Promise.all([
      this.perCustomer.attempt(customerId),
      address === null ? null : this.perAddress.attempt(address),
    ]);
    const waitMs = Math.max(...waits.map((wait) => wait ?? -1));
    if (waitMs >= 0) throw new TooManyOrdersError(Math.max(1, Math.ceil(waitMs / 1000)));
  }
}
