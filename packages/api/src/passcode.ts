import { createHash, timingSafeEqual } from 'node:crypto';
import { TRPCError } from '@trpc/server';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** With DRIVER_PASSCODE set, drivers must know it to sign in; without, anyone may (a demo). */
export function checkDriverPasscode(passcode: string | undefined): void {
  const expected = process.env.DRIVER_PASSCODE;
  if (!expected) return;
  if (passcode === undefined || !timingSafeEqual(digest(passcode), digest(expected))) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Wrong passcode.' });
  }
}
