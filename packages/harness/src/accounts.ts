import {
  StaffAccounts,
  openAccountsDatabase,
  seedDemoAccounts,
  seedStaff,
  type StaffRole,
} from '@delivery/accounts';
import { DEMO_PASSWORD } from '@delivery/common';
import { tempFile } from './services';

export interface StaffMember {
  email: string;
  name: string;
  role: StaffRole;
}

/**
 * A new accounts database holding the demo accounts and `staff`, all with the demo password:
 * what the stack's sites and worker share, seeded before they start.
 */
export async function seededAccountsDatabase(staff: StaffMember[] = []): Promise<string> {
  const path = tempFile('accounts-', 'accounts.sqlite');
  const database = openAccountsDatabase(path);
  try {
    const accounts = new StaffAccounts(database);
    await seedDemoAccounts(accounts);
    await seedStaff(accounts, staff, DEMO_PASSWORD);
  } finally {
    database.close();
  }
  return path;
}
