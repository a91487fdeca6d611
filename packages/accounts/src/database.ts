import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type AccountsDatabase = Database.Database;

/**
 * Opens (creating if missing) the embedded database of who uses the product: staff accounts and
 * sessions, customers' push subscriptions and sign-in throttling. Every site and the worker may
 * open the same file; WAL lets them read while one writes, and a writer waits for the lock
 * instead of failing.
 */
export function openAccountsDatabase(path: string): AccountsDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new Database(path);
  database.pragma('journal_mode = WAL');
  // Each placed order counts against two rate limits here, a write each: waiting for the disk on
  // every commit cost about a millisecond apiece. With WAL this still survives any process crash;
  // only a power cut may lose the last moments of counts and sessions, which this data can bear.
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  return database;
}
