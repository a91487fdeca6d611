import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

// Every table and index is created if missing, so a ledger file written before a table existed
// opens as it is and gains the table: payment_intents came after charges and refunds.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS charges (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    order_id TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount > 0),
    currency TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('succeeded', 'failed')),
    payment_method TEXT NOT NULL,
    customer TEXT,
    description TEXT,
    failure_code TEXT,
    failure_message TEXT,
    created INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS charges_by_order ON charges (order_id, seq);

  CREATE TABLE IF NOT EXISTS refunds (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    charge_id TEXT NOT NULL REFERENCES charges (id),
    order_id TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount > 0),
    reason TEXT,
    created INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS refunds_by_charge ON refunds (charge_id);
  CREATE INDEX IF NOT EXISTS refunds_by_order ON refunds (order_id, seq);

  CREATE TABLE IF NOT EXISTS payment_intents (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    order_id TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount > 0),
    currency TEXT NOT NULL,
    status TEXT NOT NULL
      CHECK (status IN ('requires_payment_method', 'requires_capture', 'succeeded', 'canceled')),
    payment_method TEXT NOT NULL,
    customer TEXT,
    description TEXT,
    metadata TEXT NOT NULL,
    amount_received INTEGER NOT NULL CHECK (amount_received BETWEEN 0 AND amount),
    latest_charge TEXT UNIQUE REFERENCES charges (id),
    canceled_at INTEGER,
    cancellation_reason TEXT,
    created INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS payment_intents_by_order ON payment_intents (order_id, seq);

  CREATE TABLE IF NOT EXISTS idempotency_keys (
    key TEXT PRIMARY KEY,
    request_fingerprint TEXT NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    created INTEGER NOT NULL
  ) WITHOUT ROWID;
`;

export function openDatabase(path: string): Database.Database {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // FULL also syncs the WAL on every commit: money that moved stays moved through a power cut,
  // not only through a killed process.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Another process on the same file (a second sandbox, a ledger check) waits instead of failing.
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  return db;
}
