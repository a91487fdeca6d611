import type { AccountsDatabase } from './database';

/** A browser that asked to be told about a customer's orders. */
export interface StoredPushSubscription {
  customerId: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
  createdAt: string;
}

export type NewPushSubscription = Pick<StoredPushSubscription, 'endpoint' | 'keys'>;

/**
 * Every browser of one customer is rarely more than a phone and a laptop; the cap keeps one
 * session from filling the database, and the oldest subscriptions (likely dead) go first.
 */
export const MAX_SUBSCRIPTIONS_PER_CUSTOMER = 10;

interface Row {
  customer_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  created_at: number;
}

const fromRow = (row: Row): StoredPushSubscription => ({
  customerId: row.customer_id,
  endpoint: row.endpoint,
  keys: { p256dh: row.p256dh, auth: row.auth },
  createdAt: new Date(row.created_at).toISOString(),
});

/**
 * Customers' Web Push subscriptions, keyed by endpoint: the menu stores them, the worker sends to
 * them and drops those the push service says are gone.
 */
export class PushSubscriptions {
  private readonly statements;

  constructor(private readonly database: AccountsDatabase) {
    database.exec(`CREATE TABLE IF NOT EXISTS push_subscriptions (
      endpoint TEXT PRIMARY KEY,
      customer_id TEXT NOT NULL,
      p256dh TEXT NOT NULL,
      auth TEXT NOT NULL,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS push_subscriptions_by_customer
      ON push_subscriptions (customer_id, created_at)`);
    this.statements = {
      // An endpoint names one browser's subscription: subscribing it again (new keys, or a new
      // customer cookie in the same browser) replaces what was stored for it.
      upsert: database.prepare<[string, string, string, string, number]>(
        `INSERT INTO push_subscriptions (endpoint, customer_id, p256dh, auth, created_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (endpoint) DO UPDATE SET customer_id = excluded.customer_id,
           p256dh = excluded.p256dh, auth = excluded.auth, created_at = excluded.created_at`,
      ),
      trim: database.prepare<[string, string, number]>(
        `DELETE FROM push_subscriptions WHERE customer_id = ? AND endpoint NOT IN (
           SELECT endpoint FROM push_subscriptions WHERE customer_id = ?
           ORDER BY created_at DESC, rowid DESC LIMIT ?)`,
      ),
      list: database.prepare<[string], Row>(
        'SELECT * FROM push_subscriptions WHERE customer_id = ? ORDER BY created_at, rowid',
      ),
      remove: database.prepare<[string, string]>(
        'DELETE FROM push_subscriptions WHERE customer_id = ? AND endpoint = ?',
      ),
      removeEndpoint: database.prepare<[string]>(
        'DELETE FROM push_subscriptions WHERE endpoint = ?',
      ),
    };
  }

  /** Stores (or refreshes) the subscription, keeping the customer's newest ones within the cap. */
  add(customerId: string, { endpoint, keys }: NewPushSubscription, now = Date.now()): void {
    this.database.transaction(() => {
      this.statements.upsert.run(endpoint, customerId, keys.p256dh, keys.auth, now);
      this.statements.trim.run(customerId, customerId, MAX_SUBSCRIPTIONS_PER_CUSTOMER);
    })();
  }

  /** The customer's subscriptions, oldest first. */
  list(customerId: string): StoredPushSubscription[] {
    return this.statements.list.all(customerId).map(fromRow);
  }

  /** The customer turned notifications off; false if they had no such subscription. */
  remove(customerId: string, endpoint: string): boolean {
    return this.statements.remove.run(customerId, endpoint).changes > 0;
  }

  /** The push service said the subscription is gone (404 or 410), whoever it belonged to. */
  removeEndpoint(endpoint: string): boolean {
    return this.statements.removeEndpoint.run(endpoint).changes > 0;
  }
}
