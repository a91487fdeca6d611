import { securePage } from '@delivery/next-config/security-headers';
import { NextResponse, type NextRequest } from 'next/server';

/** Gives each page its content security policy, with a nonce of its own. */
export function proxy(request: NextRequest) {
  return securePage(request, (init) => NextResponse.next(init));
}

export const config = {
  // Pages only: the API's answers and static files get their headers from next.config.
  matcher: ['/((?!api/|_next/|favicon.ico).*)'],
};
