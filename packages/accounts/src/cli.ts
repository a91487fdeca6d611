/**
 * `pnpm accounts <command>`: the staff accounts in the accounts database (ACCOUNTS_DB_PATH, or
 * the one `pnpm dev` uses).
 *
 *   add --email <email> --name <name> --role driver|restaurant [--password-stdin]
 *   list
 *   remove --email <email>
 *   seed-demo
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openAccountsDatabase } from './database';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@delivery/common';
import { seedDemoAccounts } from './demo-accounts';
import { promptPassword, readPasswordFromStdin } from './password-prompt';
import { StaffAccounts } from './staff-accounts';
import type { StaffRole } from './staff-schemas';

const USAGE = `Usage: pnpm accounts <command>
  add --email <email> --name <name> --role driver|restaurant [--password-stdin]
      asks for the password, or reads it from stdin with --password-stdin
  list
  remove --email <email>
  seed-demo   adds the demo accounts (not in production)`;

/** The database `pnpm dev` gives every process, for an operator who set nothing. */
const DEV_DATABASE = fileURLToPath(new URL('../../../.data/accounts.sqlite', import.meta.url));

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    'password-stdin': { type: 'boolean' },
  },
});

function required(option: 'email' | 'name' | 'role'): string {
  const value = values[option];
  if (!value) throw new Error(`--${option} is required.\n${USAGE}`);
  return value;
}

async function newPassword(): Promise<string> {
  if (values['password-stdin']) return readPasswordFromStdin();
  const password = await promptPassword('Password: ');
  if ((await promptPassword('Password again: ')) !== password)
    throw new Error('The passwords differ; nothing was added.');
  return password;
}

async function run(accounts: StaffAccounts, command: string | undefined): Promise<void> {
  switch (command) {
    case 'add': {
      const email = required('email');
      const name = required('name');
      const role = required('role') as StaffRole;
      const account = await accounts.add({ email, name, role, password: await newPassword() });
      console.log(`Added ${account.role} ${account.name} <${account.email}> (id ${account.id}).`);
      return;
    }
    case 'list':
      for (const account of accounts.list())
        console.log(`${account.role.padEnd(10)} ${account.email.padEnd(32)} ${account.name}`);
      return;
    case 'remove': {
      const email = required('email');
      if (!accounts.remove(email)) throw new Error(`There is no account for ${email}.`);
      console.log(`Removed ${email}; its sessions ended with it.`);
      return;
    }
    case 'seed-demo':
      if (process.env.NODE_ENV === 'production')
        throw new Error('Demo accounts have a public password: not seeded in production.');
      await seedDemoAccounts(accounts);
      for (const { email, role } of DEMO_ACCOUNTS)
        console.log(`${role.padEnd(10)} ${email} / ${DEMO_PASSWORD}`);
      return;
    default:
      throw new Error(USAGE);
  }
}

const path = process.env.ACCOUNTS_DB_PATH || DEV_DATABASE;
const database = openAccountsDatabase(path);
try {
  await run(new StaffAccounts(database), positionals[0]);
} catch (error) {
  const message =
    error instanceof z.ZodError
      ? error.issues.map((issue) => issue.message).join('\n')
      : error instanceof Error
        ? error.message
        : String(error);
  console.error(message);
  process.exitCode = 1;
} finally {
  database.close();
}
