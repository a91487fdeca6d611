import { createHash, randomBytes } from 'node:crypto';
import type { Staff } from '@delivery/common';
import type { AccountsDatabase } from './database';
import type { StaffAccount } from './staff-accounts';
import type { StaffRole } from './staff-schemas';

/** A shift and then some: staff sign in again each day. */
export const STAFF_SESSION_MS = 12 * 60 * 60 * 1000;

export interface OpenedSession {
  /** The bearer secret: given to the client once, kept here only as its hash. */
  token: string;
  expiresAt: Date;
}

/** Only the hash is stored, so a copy of the database opens no one's session. */
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Staff sessions kept server-side: signing out or removing the account ends them for every copy
 * of the cookie, which a self-contained signed cookie cannot do.
 */
export class StaffSessions {
  private readonly lifetimeMs: number;

  constructor(
    private readonly database: AccountsDatabase,
    options: { lifetimeMs?: number } = {},
  ) {
    this.lifetimeMs = options.lifetimeMs ?? STAFF_SESSION_MS;
    database.exec(`
      CREATE TABLE IF NOT EXISTS staff_sessions (
        token_hash TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES staff_accounts (id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS staff_sessions_by_expiry ON staff_sessions (expires_at);
      CREATE INDEX IF NOT EXISTS staff_sessions_by_account ON staff_sessions (account_id)`);
  }

  open(account: StaffAccount): OpenedSession {
    const now = Date.now();
    // Sign-ins are rare: a good moment to forget the sessions that ran out.
    this.database.prepare('DELETE FROM staff_sessions WHERE expires_at <= ?').run(now);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = now + this.lifetimeMs;
    this.database
      .prepare(
        'INSERT INTO staff_sessions (token_hash, account_id, role, expires_at) VALUES (?, ?, ?, ?)',
      )
      .run(tokenHash(token), account.id, account.role, expiresAt);
    return { token, expiresAt: new Date(expiresAt) };
  }

  /** The staff member of a session for `role` that has not expired or ended, or `null`. */
  find(token: string, role: StaffRole): Staff | null {
    const row = this.database
      .prepare(
        `SELECT staff_accounts.id, staff_accounts.name
         FROM staff_sessions JOIN staff_accounts ON staff_accounts.id = staff_sessions.account_id
         WHERE staff_sessions.token_hash = ? AND staff_sessions.role = ?
           AND staff_sessions.expires_at > ?`,
      )
      .get(tokenHash(token), role, Date.now()) as Staff | undefined;
    return row ?? null;
  }

  end(token: string): void {
    this.database.prepare('DELETE FROM staff_sessions WHERE token_hash = ?').run(tokenHash(token));
  }
}
