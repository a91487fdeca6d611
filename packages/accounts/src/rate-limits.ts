import type { Statement } from 'better-sqlite3';
import { RateLimiterRes, RateLimiterSQLite } from 'rate-limiter-flexible';
import type { AccountsDatabase } from './database';

/** At most `points` attempts per key in each window of `windowSeconds`. */
export interface RateLimit {
  points: number;
  windowSeconds: number;
}

/**
 * The database as the rate-limit library sees it, each statement prepared once. The library
 * prepares its statement again on every call, which took about 0.5 ms here, twice for each order
 * placed (docs/benchmarks.md).
 */
function preparingOnce(database: AccountsDatabase): AccountsDatabase {
  const statements = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = database.prepare(sql)));
    return statement;
  };
  return new Proxy(database, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Counts attempts per key (a customer, an address, an email) in the accounts database, so every
 * replica of a site that opens the same file enforces one limit rather than one each.
 */
export class RateLimiter {
  private readonly limiter: RateLimiterSQLite;
  /** The library creates its table after its constructor returns; an attempt waits for it. */
  private readonly ready: Promise<void>;

  constructor(database: AccountsDatabase, name: string, { points, windowSeconds }: RateLimit) {
    let created!: RateLimiterSQLite;
    this.ready = new Promise((resolve, reject) => {
      created = new RateLimiterSQLite(
        {
          storeClient: preparingOnce(database),
          storeType: 'better-sqlite3',
          tableName: 'rate_limits',
          keyPrefix: name,
          points,
          duration: windowSeconds,
          clearExpiredByTimeout: true,
        },
        (error?: unknown) => (error ? reject(error) : resolve()),
      );
    });
    this.limiter = created;
  }

  /** Counts one attempt by `key`: `null` if it is within the limit, else the ms until one is. */
  async attempt(key: string): Promise<number | null> {
    await this.ready;
    try {
      await this.limiter.consume(key);
      return null;
    } catch (refusal) {
      // The library rejects with its verdict when over the limit, and with an Error when the store fails.
      if (refusal instanceof RateLimiterRes) return refusal.msBeforeNext;
      throw refusal;
    }
  }

  /** Gives back one attempt by `key`: it turned out to be a legitimate one. */
  async giveBack(key: string): Promise<void> {
    await this.ready;
    await this.limiter.reward(key, 1);
  }

  /** Forgets every attempt by `key` in the current window. */
  async forget(key: string): Promise<void> {
    await this.ready;
    await this.limiter.delete(key);
  }
}
