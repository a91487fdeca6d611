import { PORTS } from '@delivery/harness/ports';
import { startStack } from '@delivery/harness/stack';

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
  const { stop } = await startStack({
    name: 'e2e',
    payments: { sandbox: { port: ports.payments } },
    worker: {},
    sites: {
      menu: { port: ports.menu, env: WINDOWS },
      driver: { port: ports.driver },
      restaurant: { port: ports.restaurant },
    },
  });
  return stop;
}
