import { createHmac, timingSafeEqual } from 'node:crypto';

const mac = (payload: string, secret: string) =>
  createHmac('sha256', secret).update(payload).digest('base64url');

/** `payload.signature`, HMAC-SHA256 with the session secret, so a client cannot forge or edit it. */
export const sign = (payload: string, secret: string): string =>
  `${payload}.${mac(payload, secret)}`;

/** The payload of a token made by `sign` with the same secret, or `null` if it was tampered with. */
export function verify(token: string, secret: string): string | null {
  const separator = token.lastIndexOf('.');
  if (separator < 0) return null;
  const payload = token.slice(0, separator);
  const given = Buffer.from(token.slice(separator + 1));
  const expected = Buffer.from(mac(payload, secret));
  return given.length === expected.length && timingSafeEqual(given, expected) ? payload : null;
}
