import { randomBytes } from 'node:crypto';
import type { AccountsDatabase } from './database';
import { EmailTakenError } from './errors';
import { hashPassword, passwordMatches, spendACheck } from './passwords';
import { newStaffAccountSchema, type NewStaffAccount, type StaffRole } from './staff-schemas';

export interface StaffAccount {
  /** Stable and [a-z0-9-] only: it is the DriverId search attribute, put in Visibility queries. */
  id: string;
  email: string;
  /** What customers and the other staff see. */
  name: string;
  role: StaffRole;
  createdAt: string;
}

/** `dana-3f9a1c` for dana@example.com: readable in the Temporal UI, unique by its random tail. */
function newStaffId(email: string, role: StaffRole): string {
  const slug = email
    .slice(0, email.indexOf('@'))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 24);
  return `${slug || role}-${randomBytes(3).toString('hex')}`;
}

const ACCOUNT_COLUMNS = 'id, email, name, role, created_at AS createdAt';

/** Drivers' and the restaurant's accounts, with their passwords as Argon2id hashes. */
export class StaffAccounts {
  constructor(private readonly database: AccountsDatabase) {
    database.exec(`
      CREATE TABLE IF NOT EXISTS staff_accounts (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('driver', 'restaurant')),
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      )`);
  }

  async add(input: NewStaffAccount): Promise<StaffAccount> {
    const { email, name, role, password } = newStaffAccountSchema.parse(input);
    if (this.find(email)) throw new EmailTakenError(email);
    const account: StaffAccount = {
      id: newStaffId(email, role),
      email,
      name,
      role,
      createdAt: new Date().toISOString(),
    };
    const passwordHash = await hashPassword(password);
    try {
      this.database
        .prepare(
          `INSERT INTO staff_accounts (id, email, name, role, password_hash, created_at)
           VALUES (@id, @email, @name, @role, @passwordHash, @createdAt)`,
        )
        .run({ ...account, passwordHash });
    } catch (error) {
      // Another process added the same email while this one was hashing.
      if (this.find(email)) throw new EmailTakenError(email);
      throw error;
    }
    return account;
  }

  find(email: string): StaffAccount | null {
    return (
      (this.database
        .prepare(`SELECT ${ACCOUNT_COLUMNS} FROM staff_accounts WHERE email = ?`)
        .get(email.trim().toLowerCase()) as StaffAccount | undefined) ?? null
    );
  }

  list(): StaffAccount[] {
    return this.database
      .prepare(`SELECT ${ACCOUNT_COLUMNS} FROM staff_accounts ORDER BY role, email`)
      .all() as StaffAccount[];
  }

  /** Removes the account and, with it, every session it has open. */
  remove(email: string): boolean {
    return (
      this.database
        .prepare('DELETE FROM staff_accounts WHERE email = ?')
        .run(email.trim().toLowerCase()).changes > 0
    );
  }

  /**
   * The account whose email and password these are, or `null`. An unknown email costs a hash
   * check too, so the answer's delay does not tell which emails have accounts.
   */
  async check(email: string, password: string): Promise<StaffAccount | null> {
    const row = this.database
      .prepare(
        `SELECT ${ACCOUNT_COLUMNS}, password_hash AS passwordHash FROM staff_accounts WHERE email = ?`,
      )
      .get(email.trim().toLowerCase()) as (StaffAccount & { passwordHash: string }) | undefined;
    if (!row) {
      await spendACheck(password);
      return null;
    }
    const { passwordHash, ...account } = row;
    return (await passwordMatches(passwordHash, password)) ? account : null;
  }
}
