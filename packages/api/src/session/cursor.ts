import { InvalidCursorError } from './errors';
import { sign, verify } from './signing';

/**
 * A board page's cursor is Visibility's next-page token, signed: Temporal does not reject a
 * forged token cleanly (it answers "something went wrong" and the SDK retries until the deadline).
 */
export const cursorOf = (pageToken: Uint8Array, secret: string): string =>
  sign(Buffer.from(pageToken).toString('base64url'), secret);

export function pageTokenOf(cursor: string, secret: string): Uint8Array {
  const token = verify(cursor, secret);
  if (token === null) throw new InvalidCursorError();
  return Buffer.from(token, 'base64url');
}
