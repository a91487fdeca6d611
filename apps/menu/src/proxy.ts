import { customerSession } from '@delivery/api/session';
import { NextResponse, type NextRequest } from 'next/server';

/**
 * Issues the anonymous customer cookie with the first page, the same way the API would, so the
 * page's first API calls all carry one customer id instead of racing to be issued one each.
 */
export function proxy(request: NextRequest) {
  const response = NextResponse.next();
  customerSession(request.headers, response.headers);
  return response;
}

export const config = {
  // Pages only: the API issues the cookie itself, and assets need none.
  matcher: ['/((?!api/|_next/|dishes/|favicon.ico).*)'],
};
