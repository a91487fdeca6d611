import { createHash } from 'node:crypto';

/**
 * A driver's id from their name: "Dana Lee" -> "dana-lee". Names without a Latin letter or digit
 * get a stable id from their hash. Ids only hold [a-z0-9-], so they are safe in Visibility queries.
 */
export function driverIdOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || `driver-${createHash('sha256').update(name).digest('hex').slice(0, 12)}`;
}
