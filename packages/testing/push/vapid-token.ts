import { createPublicKey, verify } from 'node:crypto';

export interface VapidClaims {
  aud: string;
  exp: number;
  sub: string;
}

/** The P-256 public key a VAPID header names (an uncompressed point, base64url) as a key object. */
function p256Key(point: string) {
  const bytes = Buffer.from(point, 'base64url');
  return createPublicKey({
    format: 'jwk',
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: bytes.subarray(1, 33).toString('base64url'),
      y: bytes.subarray(33, 65).toString('base64url'),
    },
  });
}

/**
 * The claims of a `vapid t=<JWT>, k=<key>` Authorization header (RFC 8292), after checking that
 * `k` is the server's key and that the token is signed with it (ES256), as a push service does.
 */
export function vapidClaims(authorization: string | undefined, publicKey: string): VapidClaims {
  const match = /^vapid t=([\w-]+)\.([\w-]+)\.([\w-]+), k=([\w-]+)$/.exec(authorization ?? '');
  if (!match) throw new Error(`not a VAPID Authorization header: ${authorization}`);
  const [, header = '', claims = '', signature = '', key = ''] = match;
  if (key !== publicKey) throw new Error(`signed by ${key}, not by the server's key`);
  const signed = verify(
    'sha256',
    Buffer.from(`${header}.${claims}`),
    { key: p256Key(key), dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!signed) throw new Error('the VAPID token’s signature does not match the key');
  return JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as VapidClaims;
}
