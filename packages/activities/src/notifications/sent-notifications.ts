import type Database from 'better-sqlite3';
import type { PushNotification } from './channel';
import { openNotificationsDatabase } from './notifications-database';

/**
 * Every notification sent, by id, in an embedded database that outlives the worker: the record
 * that makes the channel an idempotent consumer. A worker restarted after a crash finds what the
 * last one sent and never sends it again.
 */
export class SentNotifications {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement<[string, string, string, string, number]>;

  /** `path` is a file (shared by the workers of one machine) or `:memory:`. */
  constructor(path: string) {
    this.db = openNotificationsDatabase(path);
    this.db.exec(`CREATE TABLE IF NOT EXISTS sent_notifications (
      id TEXT PRIMARY KEY,
      order_id TEXT NOT NULL,
      event TEXT NOT NULL,
      message TEXT NOT NULL,
      sent_at INTEGER NOT NULL
    )`);
    this.insert = this.db.prepare(
      'INSERT OR IGNORE INTO sent_notifications (id, order_id, event, message, sent_at) VALUES (?, ?, ?, ?, ?)',
    );
  }

  /** Records the notification as sent; false if it was sent before (then it must not go again). */
  claim(notification: PushNotification): boolean {
    const { id, orderId, event, message } = notification;
    return this.insert.run(id, orderId, event, message, Date.now()).changes === 1;
  }

  close(): void {
    this.db.close();
  }
}
