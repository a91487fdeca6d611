import type { NotificationSettings } from '@delivery/activities';
import { pushServiceHostsOf } from '@delivery/common';

type Env = Record<string, string | undefined>;

/**
 * Web Push from the worker's environment: on when VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are set,
 * with VAPID_SUBJECT (a `mailto:` or `https:` contact) and ACCOUNTS_DB_PATH (where the menu stores
 * the subscriptions), sending only to the push services of PUSH_SERVICE_HOSTS (the known ones by
 * default). Half a configuration is an error, not a silent "off".
 */
export function webPushSettings(env: Env): NotificationSettings['webPush'] {
  const { VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY, VAPID_SUBJECT, ACCOUNTS_DB_PATH } = env;
  if (!VAPID_PUBLIC_KEY && !VAPID_PRIVATE_KEY) return null;
  if (!VAPID_PUBLIC_KEY || !VAPID_PRIVATE_KEY || !VAPID_SUBJECT || !ACCOUNTS_DB_PATH) {
    const settings = { VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY, VAPID_SUBJECT, ACCOUNTS_DB_PATH };
    const missing = Object.keys(settings).filter((name) => !env[name]);
    throw new Error(`Web Push is half configured: set ${missing.join(', ')} too, or no VAPID key.`);
  }
  return {
    vapid: { subject: VAPID_SUBJECT, publicKey: VAPID_PUBLIC_KEY, privateKey: VAPID_PRIVATE_KEY },
    accountsDbPath: ACCOUNTS_DB_PATH,
    serviceHosts: pushServiceHostsOf(env.PUSH_SERVICE_HOSTS),
  };
}
