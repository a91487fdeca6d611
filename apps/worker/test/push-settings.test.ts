import { describe, expect, it } from 'vitest';
import { KNOWN_PUSH_SERVICE_HOSTS } from '@delivery/common';
import { webPushSettings } from '../src/push-settings';

const FULL = {
  VAPID_PUBLIC_KEY: 'public',
  VAPID_PRIVATE_KEY: 'private',
  VAPID_SUBJECT: 'mailto:ops@example.com',
  ACCOUNTS_DB_PATH: '/var/lib/delivery/accounts.sqlite',
};

describe('the worker’s Web Push settings', () => {
  it('leave Web Push off without VAPID keys', () => {
    expect(webPushSettings({})).toBeNull();
    expect(webPushSettings({ VAPID_SUBJECT: FULL.VAPID_SUBJECT, VAPID_PUBLIC_KEY: '' })).toBeNull();
  });

  it('turn it on with both keys, a subject and the accounts database', () => {
    expect(webPushSettings(FULL)).toEqual({
      vapid: { subject: FULL.VAPID_SUBJECT, publicKey: 'public', privateKey: 'private' },
      accountsDbPath: FULL.ACCOUNTS_DB_PATH,
      serviceHosts: KNOWN_PUSH_SERVICE_HOSTS,
    });
  });

  it('send only to the push services PUSH_SERVICE_HOSTS lists, when it is set', () => {
    const listed = webPushSettings({ ...FULL, PUSH_SERVICE_HOSTS: ' Push.Internal , 10.0.0.7,' });
    expect(listed?.serviceHosts).toEqual(['push.internal', '10.0.0.7']);
  });

  it('name everything missing from half a configuration', () => {
    expect(() => webPushSettings({ VAPID_PUBLIC_KEY: 'public' })).toThrow(
      'Web Push is half configured: set VAPID_PRIVATE_KEY, VAPID_SUBJECT, ACCOUNTS_DB_PATH too',
    );
    expect(() => webPushSettings({ ...FULL, ACCOUNTS_DB_PATH: '' })).toThrow(
      /set ACCOUNTS_DB_PATH too/,
    );
  });
});
