/**
 * The sites' security headers: one policy for the menu, the driver and the restaurant. Pages get a
 * content security policy with a fresh nonce from each site's proxy (`securePage`); every other
 * header, and the API's policy, come from `next.config` (`securityHeaderRules`), so static files
 * and API answers carry them too.
 */

const CSP = 'content-security-policy';

/**
 * Scripts run only with the nonce Next stamps on its own tags, and what those scripts load
 * ('strict-dynamic'): an injected `<script>` or `onclick` does not run. `next dev` needs
 * 'unsafe-eval' for React's refresh and its server error stacks; production does not.
 *
 * Styles allow 'unsafe-inline', a documented compromise: the toaster (sonner) injects a `<style>`
 * at run time and React sets `style` attributes, which nonces cannot cover. An injected style can
 * restyle a page but not run script, and with images, fonts and connections held to 'self' it
 * cannot carry data off the site.
 *
 * Everything else is the site's own: live updates are same-origin SSE, the menu's push service
 * worker and manifest are served by the site.
 */
const pagePolicy = (nonce, dev) =>
  [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

/** API answers are JSON, never a document: nothing in one may load or run, nor be framed. */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** What every response carries, page, API answer or static file. */
const EVERY_RESPONSE = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  // Order pages carry the order's id in their path: other sites learn only the origin.
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  // Powerful features no page uses; notifications and push are left alone for the menu.
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
  },
];

/** A browser ignores HSTS over plain HTTP, and `localhost` must stay reachable without TLS. */
const OVER_HTTPS = {
  has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
  headers: [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }],
};

/** The `headers()` rules of a site's `next.config`. */
export const securityHeaderRules = () => [
  { source: '/:path*', headers: EVERY_RESPONSE },
  { source: '/:path*', ...OVER_HTTPS },
  { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: API_POLICY }] },
];

/** 128 random bits, base64: unguessable, and fresh for every page. */
function newNonce() {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * A page's response with its content security policy: `next` (the proxy's `NextResponse.next`)
 * forwards the request with the policy in its headers, where Next finds the nonce and stamps its
 * scripts with it, and the browser enforces the same policy from the response. Pages must render
 * per request (a prerendered page has no nonce).
 */
export function securePage(request, next) {
  const policy = pagePolicy(newNonce(), process.env.NODE_ENV === 'development');
  const headers = new Headers(request.headers);
  headers.set(CSP, policy);
  const response = next({ request: { headers } });
  response.headers.set(CSP, policy);
  return response;
}
