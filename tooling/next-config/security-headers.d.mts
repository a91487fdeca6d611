/** Types for the sites' TypeScript (their proxies); the policy itself is in security-headers.mjs. */
export function securePage<TResponse extends Response>(
  request: Request,
  next: (init: { request: { headers: Headers } }) => TResponse,
): TResponse;
