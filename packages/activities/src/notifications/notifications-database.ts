import Database from 'better-sqlite3';

/**
 * The worker's record of what it sent (NOTIFICATIONS_DB_PATH), a file shared by the workers of one
 * machine or `:memory:`. WAL lets them read while one writes; a writer waits for the lock instead
 * of failing.
 */
export function openNotificationsDatabase(path: string): Database.Database {
  const database = new Database(path);
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  return database;
}
