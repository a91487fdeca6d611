import { createHash, timingSafeEqual } from 'node:crypto';
import { WrongPasscodeError } from './errors';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** With a passcode configured, staff must know it to sign in; without, anyone may (a demo). */
export function checkStaffPasscode(passcode: string | undefined, expected: string | null): void {
  if (!expected) return;
  if (passcode === undefined || !timingSafeEqual(digest(passcode), digest(expected))) {
    throw new WrongPasscodeError();
  }
}
