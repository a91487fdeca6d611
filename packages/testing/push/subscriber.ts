import { createECDH, randomBytes } from 'node:crypto';
import { decrypt } from 'http_ece';
import type { NewPushSubscription } from '@delivery/accounts';
import type { PushMessage } from '@delivery/common';

/**
 * A browser's side of a push subscription, made as a browser makes it: a P-256 key pair and a
 * 16-byte auth secret. Only it can read what is pushed to its endpoint.
 */
export function newSubscriber(endpoint: string) {
  const keys = createECDH('prime256v1');
  keys.generateKeys();
  const authSecret = randomBytes(16);
  const subscription: NewPushSubscription = {
    endpoint,
    keys: { p256dh: keys.getPublicKey('base64url'), auth: authSecret.toString('base64url') },
  };
  return {
    subscription,
    /** Decrypts a pushed body (aes128gcm), as the browser does before its service worker sees it. */
    read: (body: Buffer): PushMessage =>
      JSON.parse(
        decrypt(body, { version: 'aes128gcm', privateKey: keys, authSecret }).toString('utf8'),
      ) as PushMessage,
  };
}
