import type Database from 'better-sqlite3';
import { openNotificationsDatabase } from './notifications-database';

/**
 * Which browser (push endpoint) each notification reached, in the worker's notifications database.
 * Kept per endpoint, not per notification: when one of three browsers' push services fails, the
 * retry sends to that one only, and a worker restarted mid-send resumes where the last one stopped.
 */
export class PushDeliveries {
  private readonly db: Database.Database;
  private readonly find: Database.Statement<[string, string], unknown>;
  private readonly insert: Database.Statement<[string, string, number]>;

  /** `path` is a file (shared by the workers of one machine) or `:memory:`. */
  constructor(path: string) {
    this.db = openNotificationsDatabase(path);
    this.db.exec(`CREATE TABLE IF NOT EXISTS push_deliveries (
      notification_id TEXT NOT NULL,
      endpoint TEXT NOT NULL,
      delivered_at INTEGER NOT NULL,
      PRIMARY KEY (notification_id, endpoint)
    )`);
    this.find = this.db.prepare(
      'SELECT 1 FROM push_deliveries WHERE notification_id = ? AND endpoint = ?',
    );
    this.insert = this.db.prepare(
      'INSERT OR IGNORE INTO push_deliveries (notification_id, endpoint, delivered_at) VALUES (?, ?, ?)',
    );
  }

  delivered(notificationId: string, endpoint: string): boolean {
    return this.find.get(notificationId, endpoint) !== undefined;
  }

  /** Recorded once the push service accepted the message. */
  record(notificationId: string, endpoint: string): void {
    this.insert.run(notificationId, endpoint, Date.now());
  }
}
