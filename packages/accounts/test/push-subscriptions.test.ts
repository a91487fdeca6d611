import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openAccountsDatabase } from '../src/database';
import {
  MAX_SUBSCRIPTIONS_PER_CUSTOMER,
  PushSubscriptions,
  type NewPushSubscription,
} from '../src/push-subscriptions';

const subscription = (name: string, auth = 'auth-of-' + name): NewPushSubscription => ({
  endpoint: `https://push.example/${name}`,
  keys: { p256dh: `p256dh-of-${name}`, auth },
});

const endpoints = (store: PushSubscriptions, customerId: string) =>
  store.list(customerId).map((stored) => stored.endpoint);

describe('push subscriptions', () => {
  let store: PushSubscriptions;
  beforeEach(() => {
    store = new PushSubscriptions(openAccountsDatabase(':memory:'));
  });

  it('lists a customer’s subscriptions, oldest first, with their keys and when they were made', () => {
    store.add('alice', subscription('phone'), Date.parse('2025-01-01T10:00:00Z'));
    store.add('alice', subscription('laptop'), Date.parse('2025-01-01T11:00:00Z'));
    store.add('bob', subscription('tablet'));

    expect(store.list('alice')).toEqual([
      {
        customerId: 'alice',
        endpoint: 'https://push.example/phone',
        keys: { p256dh: 'p256dh-of-phone', auth: 'auth-of-phone' },
        createdAt: '2025-01-01T10:00:00.000Z',
      },
      expect.objectContaining({ endpoint: 'https://push.example/laptop' }),
    ]);
    expect(endpoints(store, 'bob')).toEqual(['https://push.example/tablet']);
    expect(store.list('carol')).toEqual([]);
  });

  it('keeps one row per endpoint: subscribing again refreshes the keys or moves it to the new customer', () => {
    store.add('alice', subscription('phone'));
    store.add('alice', subscription('phone', 'new-auth'));
    expect(store.list('alice').map((stored) => stored.keys.auth)).toEqual(['new-auth']);

    // The same browser with a new customer cookie: its notifications now go to the new customer.
    store.add('bob', subscription('phone'));
    expect(store.list('alice')).toEqual([]);
    expect(endpoints(store, 'bob')).toEqual(['https://push.example/phone']);
  });

  it('keeps only the newest subscriptions of a customer past the cap', () => {
    const count = MAX_SUBSCRIPTIONS_PER_CUSTOMER + 2;
    for (let i = 0; i < count; i += 1) store.add('alice', subscription(`browser-${i}`), 1_000 + i);
    store.add('bob', subscription('other'), 0);

    expect(endpoints(store, 'alice')).toEqual(
      Array.from(
        { length: MAX_SUBSCRIPTIONS_PER_CUSTOMER },
        (_, i) => `https://push.example/browser-${i + 2}`,
      ),
    );
    expect(endpoints(store, 'bob')).toEqual(['https://push.example/other']);
  });

  it('removes a customer’s own subscription only', () => {
    store.add('alice', subscription('phone'));
    expect(store.remove('bob', 'https://push.example/phone')).toBe(false);
    expect(endpoints(store, 'alice')).toEqual(['https://push.example/phone']);
    expect(store.remove('alice', 'https://push.example/phone')).toBe(true);
    expect(store.list('alice')).toEqual([]);
  });

  it('removes a gone endpoint whoever it belonged to', () => {
    store.add('alice', subscription('phone'));
    store.add('alice', subscription('laptop'));
    expect(store.removeEndpoint('https://push.example/phone')).toBe(true);
    expect(store.removeEndpoint('https://push.example/phone')).toBe(false);
    expect(endpoints(store, 'alice')).toEqual(['https://push.example/laptop']);
  });

  it('outlives the process that stored it, in the database file', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'accounts-')), 'accounts.sqlite');
    const first = openAccountsDatabase(path);
    new PushSubscriptions(first).add('alice', subscription('phone'));
    first.close();

    const reopened = new PushSubscriptions(openAccountsDatabase(path));
    expect(endpoints(reopened, 'alice')).toEqual(['https://push.example/phone']);
  });
});
