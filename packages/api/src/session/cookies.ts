/** Reads one cookie of a request's `Cookie` header. */
export function readCookie(headers: Headers, name: string): string | undefined {
  for (const pair of (headers.get('cookie') ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === name)
      return pair.slice(separator + 1).trim();
  }
  return undefined;
}

/** Sets a first-party cookie that page scripts cannot read. `maxAgeSeconds: 0` deletes it. */
export function writeCookie(
  resHeaders: Headers,
  name: string,
  value: string,
  { maxAgeSeconds }: { maxAgeSeconds: number },
): void {
  resHeaders.append(
    'Set-Cookie',
    `${name}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax`,
  );
}
