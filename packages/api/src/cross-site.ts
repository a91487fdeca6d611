import { TRPCError } from '@trpc/server';
import { servedOverHttps } from './session/cookies';

const firstOf = (value: string | null): string | undefined => value?.split(',')[0]?.trim();

/**
 * The origin the browser addressed: Next fills `X-Forwarded-Host` from `Host` when no proxy set
 * it, and a proxy that did names the public host. Trusting these headers is safe here because a
 * hostile page cannot set them: a custom header on a cross-origin request needs a CORS preflight,
 * which the sites never answer.
 */
function ownOrigin(request: Request): string {
  const host = firstOf(request.headers.get('x-forwarded-host')) ?? request.headers.get('host');
  return `${servedOverHttps(request.url, request.headers) ? 'https' : 'http'}://${host}`;
}

/**
 * Refuses a request a browser sent from another site, before its procedure runs (tRPC answers
 * the error with a 403 in its usual shape, batch or not).
 *
 * Every method is checked, not only mutations: the API serves its own pages and non-browser
 * clients, never another site's. A query's or subscription's answer is already unreadable
 * cross-origin (no CORS), but a hostile page could still make the site open live streams and
 * Temporal calls in the customer's name; refusing costs our own pages nothing.
 *
 * A request with neither `Origin` nor `Sec-Fetch-Site` is allowed: browsers send `Origin` with
 * every POST and every cross-origin request, so its absence means curl, a server or a test
 * calling the API, none of which carries a victim's cookies. `Origin: null` (sandboxed frames,
 * opaque redirects) hides where a request came from, so it is refused.
 */
export function refuseCrossSiteRequest(
  request: Request,
  allowedOrigins: () => readonly string[],
): void {
  const origin = request.headers.get('origin');
  const crossSite = request.headers.get('sec-fetch-site') === 'cross-site';
  const foreign =
    origin !== null && origin !== ownOrigin(request) && !allowedOrigins().includes(origin);
  if (crossSite || foreign) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `Refused a request from another site (${origin ?? 'unknown origin'}): use this site's own pages.`,
    });
  }
}
