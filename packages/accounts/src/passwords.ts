import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/*
 * Argon2id with the library's defaults (19 MiB, 2 passes): OWASP's minimum for Argon2id, about
 * 30 ms a check on a laptop, which is what a guesser pays too.
 */

export const hashPassword = (password: string): Promise<string> => hash(password);

export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A hash that does not parse matches nothing.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time a real check would, for an email with no account, so the answer's delay does
 * not tell a guesser which emails have one.
 */
export async function spendACheck(password: string): Promise<void> {
  dummyHash ??= hashPassword(randomBytes(16).toString('base64url'));
  await passwordMatches(await dummyHash, password);
}
