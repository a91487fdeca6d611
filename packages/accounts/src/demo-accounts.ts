import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@delivery/common';
import { EmailTakenError } from './errors';
import type { StaffAccounts } from './staff-accounts';
import type { StaffRole } from './staff-schemas';

/**
 * Adds the staff that are missing, all with `password`; an account already there is left as it
 * is (its password may have been changed on purpose). Safe to run on every start.
 */
export async function seedStaff(
  accounts: StaffAccounts,
  staff: readonly { email: string; name: string; role: StaffRole }[],
  password: string,
): Promise<void> {
  for (const member of staff) {
    if (accounts.find(member.email)) continue;
    // Another process seeding the same database may add it first.
    await accounts.add({ ...member, password }).catch((error: unknown) => {
      if (!(error instanceof EmailTakenError)) throw error;
    });
  }
}

export const seedDemoAccounts = (accounts: StaffAccounts): Promise<void> =>
  seedStaff(accounts, DEMO_ACCOUNTS, DEMO_PASSWORD);
