import { createHash } from 'node:crypto';
import type { StaffRole } from './staff-sites';

/**
 * A staff member's id from their name: "Dana Lee" -> "dana-lee". Names without a Latin letter or
 * digit get a stable id from their hash, named for their role ("driver-1a2b..."). Ids only hold
 * [a-z0-9-], so they are safe in Visibility queries.
 */
export function staffIdOf(name: string, role: StaffRole): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || `${role}-${createHash('sha256').update(name).digest('hex').slice(0, 12)}`;
}
