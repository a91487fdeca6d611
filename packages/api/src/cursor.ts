import { TRPCError } from '@trpc/server';
import { sign, verify } from './signing';

/**
 * A board page's cursor is Visibility's next-page token, signed: Temporal does not reject a
 * forged token cleanly (it answers "something went wrong" and the SDK retries until the deadline).
 */
export const cursorOf = (pageToken: Uint8Array): string =>
  sign(Buffer.from(pageToken).toString('base64url'));

export function pageTokenOf(cursor: string): Uint8Array {
  const token = verify(cursor);
  if (token === null) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'This page cursor is not valid; reload the first page.',
    });
  }
  return Buffer.from(token, 'base64url');
}
