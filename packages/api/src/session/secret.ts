const DEV_SECRET = 'durable-delivery-dev-secret-change-me';
let warnedOfDevSecret = false;

/** The secret that signs sessions and page cursors: SESSION_SECRET, or a public one for a demo. */
export function sessionSecret(configured: string | undefined): string {
  if (configured) return configured;
  if (!warnedOfDevSecret) {
    warnedOfDevSecret = true;
    console.warn('[api] SESSION_SECRET is not set: sessions are signed with a public dev secret.');
  }
  return DEV_SECRET;
}
