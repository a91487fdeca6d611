import { createECDH, randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_PUSH_ENDPOINT_LENGTH } from '@delivery/common';
import { customer } from './support/actors';
import { services } from './support/services';
import { expectError } from './support/wait';

const publicKey = () => createECDH('prime256v1').generateKeys().toString('base64url');

/** What a browser's `PushSubscription.toJSON()` gives. */
const browserSubscription = (name: string) => ({
  endpoint: `https://fcm.googleapis.com/fcm/send/${name}`,
  expirationTime: null,
  keys: { p256dh: publicKey(), auth: randomBytes(16).toString('base64url') },
});

const VAPID_PUBLIC_KEY = publicKey();
const withPush = { context: { config: { ...services.config, pushPublicKey: VAPID_PUBLIC_KEY } } };
const alice = customer(withPush);
const bob = customer(withPush);
const offline = customer({ context: { config: { ...services.config, pushPublicKey: null } } });
afterAll(() => [alice, bob, offline].forEach((who) => who.close()));

const storedEndpoints = (who: ReturnType<typeof customer>) =>
  services.pushSubscriptions.list(who.id).map((stored) => stored.endpoint);

describe('pushPublicKey', () => {
  it('is the VAPID public key, or null when this server sends no pushes', async () => {
    expect(await alice.menu.pushPublicKey()).toBe(VAPID_PUBLIC_KEY);
    expect(await offline.menu.pushPublicKey()).toBeNull();
  });
});

describe('subscribePush and unsubscribePush', () => {
  it('store the browser’s subscription with the customer, and forget it', async () => {
    const phone = browserSubscription('alice-phone');
    expect(await alice.menu.subscribePush(phone)).toEqual({ subscribed: true });
    expect(await alice.menu.subscribePush(phone)).toEqual({ subscribed: true });
    expect(services.pushSubscriptions.list(alice.id)).toEqual([
      expect.objectContaining({ endpoint: phone.endpoint, keys: phone.keys }),
    ]);

    // Another customer cannot turn off Alice's notifications.
    expect(await bob.menu.unsubscribePush({ endpoint: phone.endpoint })).toEqual({
      removed: false,
    });
    expect(await alice.menu.unsubscribePush({ endpoint: phone.endpoint })).toEqual({
      removed: true,
    });
    expect(storedEndpoints(alice)).toEqual([]);
  });

  it('refuse an endpoint that is not on a push service, so the worker never posts to it', async () => {
    for (const endpoint of [
      'https://push.example/send/alice',
      'https://10.0.0.7/internal',
      'https://fcm.googleapis.com.evil.example/send/alice',
    ]) {
      await expectError(
        alice.menu.subscribePush({ ...browserSubscription('x'), endpoint }),
        'BAD_REQUEST',
        /not on a push service this server sends to \(fcm\.googleapis\.com/,
      );
    }
    expect(storedEndpoints(alice)).toEqual([]);
  });

  it('refuse a subscription when push is off', async () => {
    await expectError(
      offline.menu.subscribePush(browserSubscription('offline')),
      'PRECONDITION_FAILED',
      /no push notifications/,
    );
    expect(storedEndpoints(offline)).toEqual([]);
  });

  it.for([
    {
      what: 'an http endpoint',
      input: { ...browserSubscription('x'), endpoint: 'http://push.example/x' },
      message: 'The push endpoint must be an https URL.',
    },
    {
      what: 'an endpoint that is no URL',
      input: { ...browserSubscription('x'), endpoint: 'push.example' },
      message: 'The push endpoint must be an https URL.',
    },
    {
      what: 'an overlong endpoint',
      input: {
        ...browserSubscription('x'),
        endpoint: `https://push.example/${'x'.repeat(MAX_PUSH_ENDPOINT_LENGTH)}`,
      },
      message: `The push endpoint is longer than ${MAX_PUSH_ENDPOINT_LENGTH} characters.`,
    },
    {
      what: 'keys that are not a P-256 key and an auth secret',
      input: { ...browserSubscription('x'), keys: { p256dh: 'short', auth: 'a+b/c' } },
      message: 'The subscription keys are not those of a browser push subscription.',
    },
    {
      what: 'missing keys',
      input: { endpoint: 'https://push.example/x' },
      message: 'The subscription keys are not those of a browser push subscription.',
    },
    {
      what: 'unknown fields',
      input: { ...browserSubscription('x'), customerId: 'someone-else' },
      message: /customerId/,
    },
  ])('answer BAD_REQUEST to $what', async ({ input, message }) => {
    await expectError(alice.menu.subscribePush(input as never), 'BAD_REQUEST', message);
    expect(storedEndpoints(alice)).toEqual([]);
  });
});
