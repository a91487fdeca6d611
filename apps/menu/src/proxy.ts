import { customerSession, servedOverHttps, sessionSecret } from '@delivery/api/session';
import { securePage } from '@delivery/next-config/security-headers';
import { NextResponse, type NextRequest } from 'next/server';

/**
 * Gives each page its content security policy, and issues the anonymous customer cookie with the
 * first page, the same way the API would, so the page's first API calls all carry one customer id
 * instead of racing to be issued one each.
 */
export function proxy(request: NextRequest) {
  const response = securePage(request, (init) => NextResponse.next(init));
  customerSession(request.headers, response.headers, {
    // The one setting the proxy needs, not the API's whole configuration with Temporal's.
    secret: sessionSecret(process.env.SESSION_SECRET),
    secure: servedOverHttps(request.url, request.headers),
  });
  return response;
}

export const config = {
  // Pages only: the API issues the cookie itself, and assets need none.
  matcher: ['/((?!api/|_next/|dishes/|favicon.ico).*)'],
};
