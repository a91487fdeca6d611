import { randomBytes } from 'node:crypto';

/** Stripe-style object id: a type prefix and an unguessable suffix, e.g. `ch_3f9a...`. */
export function newId(prefix: 'ch' | 're' | 'pi'): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}
