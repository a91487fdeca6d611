/**
 * The address a request came from, as the nearest proxy saw it: the last `X-Forwarded-For` entry.
 * Behind a proxy that appends to the header (nginx's `$proxy_add_x_forwarded_for`, cloud load
 * balancers), a client can put anything before that entry but not the entry itself. Next sets the
 * header from the socket only when a request has none, so a site reached directly believes what
 * the client sends: limits keyed on the address are for deployments behind a proxy.
 */
export function clientAddressOf(headers: Headers): string | null {
  const hops = headers.get('x-forwarded-for')?.split(',');
  return hops?.at(-1)?.trim() || null;
}
