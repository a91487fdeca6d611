import { createHmac, timingSafeEqual } from 'node:crypto';

const DEV_SECRET = 'durable-delivery-dev-secret-change-me';
let warned = false;

function secret(): string {
  const configured = process.env.SESSION_SECRET;
  if (configured) return configured;
  if (!warned) {
    warned = true;
    console.warn(
      '[api] SESSION_SECRET is not set: driver sessions are signed with a public dev secret.',
    );
  }
  return DEV_SECRET;
}

const mac = (payload: string) => createHmac('sha256', secret()).update(payload).digest('base64url');

/** `payload.signature`, HMAC-SHA256 with SESSION_SECRET, so a client cannot forge or edit it. */
export const sign = (payload: string): string => `${payload}.${mac(payload)}`;

/** The payload of a token made by `sign`, or `null` if it was tampered with. */
export function verify(token: string): string | null {
  const separator = token.lastIndexOf('.');
  if (separator < 0) return null;
  const payload = token.slice(0, separator);
  const given = Buffer.from(token.slice(separator + 1));
  const expected = Buffer.from(mac(payload));
  return given.length === expected.length && timingSafeEqual(given, expected) ? payload : null;
}
