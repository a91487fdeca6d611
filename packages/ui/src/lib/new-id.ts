import { v4 } from 'uuid';

/**
 * A random UUID for an order or a request, made in the browser. `uuid` uses getRandomValues, which
 * works outside secure contexts too (a phone trying the site over http on the LAN).
 */
export const newId = (): string => v4();
