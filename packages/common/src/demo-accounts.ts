/**
 * The staff accounts local runs are seeded with (DESIGN.md), all with one public password: never
 * seeded in production, and shown as a hint on the sign-in forms in development only.
 */
export const DEMO_PASSWORD = 'delivery-demo';

export const DEMO_ACCOUNTS = [
  { email: 'dana@example.com', name: 'Dana', role: 'driver' },
  { email: 'sam@example.com', name: 'Sam', role: 'driver' },
  { email: 'kitchen@example.com', name: 'Kitchen', role: 'restaurant' },
] as const;
