/** Reads one cookie of a request's `Cookie` header. */
export function readCookie(headers: Headers, name: string): string | undefined {
  for (const pair of (headers.get('cookie') ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === name)
      return pair.slice(separator + 1).trim();
  }
  return undefined;
}

/**
 * Sets a first-party cookie that page scripts cannot read, `Secure` when the page was served over
 * HTTPS (a browser drops a `Secure` cookie set over plain HTTP). `maxAgeSeconds: 0` deletes it.
 */
export function writeCookie(
  resHeaders: Headers,
  name: string,
  value: string,
  { maxAgeSeconds, secure = false }: { maxAgeSeconds: number; secure?: boolean },
): void {
  resHeaders.append(
    'Set-Cookie',
    `${name}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`,
  );
}

/** Whether a request reached the site over HTTPS, directly or through a TLS-terminating proxy. */
export const servedOverHttps = (url: string, headers: Headers): boolean =>
  new URL(url).protocol === 'https:' ||
  headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
