import webPush from 'web-push';
import { PORTS } from '@delivery/harness/ports';
import { startStack } from '@delivery/harness/stack';
import { E2E_ACCOUNTS_DB } from './site-urls';

/** Windows no browser step outlasts; the rating is asked for a second after delivery. */
const WINDOWS = {
  ORDER_PICKUP_WINDOW_MS: '120000',
  ORDER_DELIVERY_WINDOW_MS: '120000',
  ORDER_RATING_DELAY_MS: '1000',
  ORDER_RATING_WINDOW_MS: '600000',
};

/** Temporal (reused if the test run has one), payments, a worker and the three production sites. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const ports = PORTS.e2e;
  // Web Push on, as a deployment has it: the menu offers notifications and the worker sends them.
  const vapid = webPush.generateVAPIDKeys();
  const { stop, accountsDbPath } = await startStack({
    name: 'e2e',
    payments: { sandbox: { port: ports.payments } },
    worker: {
      env: {
        VAPID_PUBLIC_KEY: vapid.publicKey,
        VAPID_PRIVATE_KEY: vapid.privateKey,
        VAPID_SUBJECT: 'mailto:e2e@durable-delivery.example',
      },
    },
    sites: {
      menu: { port: ports.menu, env: { ...WINDOWS, VAPID_PUBLIC_KEY: vapid.publicKey } },
      driver: { port: ports.driver },
      restaurant: { port: ports.restaurant },
    },
  });
  // The specs run in processes started after this one, with its environment.
  process.env[E2E_ACCOUNTS_DB] = accountsDbPath;
  return stop;
}
