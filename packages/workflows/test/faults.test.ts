import { describe, expect, inject, it } from 'vitest';
import { accepted, readyForPickup } from '@delivery/harness/order-actions';
import { waitForState } from '@delivery/harness/orders';
import { TRAIL, expectTrail } from './support/order-ends';
import { orderHarness } from './support/order-harness';
import { dana } from './support/people';

const ORDERS = 8;
/**
 * Captures are retried until they land, backing off to 30 s between tries: at a failure rate of
 * 0.7 one of eight captures takes over two minutes in about one run in seven.
 */
const UNTIL_EVERY_CAPTURE_LANDS_MS = 600_000;

describe('orders with a flaky payment provider and push service (failure rate 0.7)', () => {
  it(
    'all complete, each with exactly one hold, captured once',
    async () => {
      const harness = await orderHarness({ paymentsUrl: inject('flakyPaymentsUrl') });
      const windows = {
        paymentWindowMs: 110_000,
        restaurantWindowMs: 120_000,
        preparationGraceMs: 120_000,
        pickupWindowMs: 120_000,
        deliveryWindowMs: 120_000,
        ratingDelayMs: 0,
        ratingWindowMs: 1_000,
      };
      try {
        const finals = await harness.withWorker(
          () =>
            Promise.all(
              Array.from({ length: ORDERS }, async () => {
                const handle = await harness.startOrder({ windows });
                await waitForState(handle, 'Waiting for restaurant', 110_000);
                await readyForPickup(handle);
                await accepted(handle, { action: 'pickUp', driver: dana });
                await accepted(handle, { action: 'deliver', driver: dana });
                return handle.result();
              }),
            ),
          { notificationFailureRate: 0.7 },
        );
        for (const final of finals) {
          expect(final.state).toBe('Delivered');
          expect(final.open).toBe(false);
          expect(final.money).toBe('captured');
          await expectTrail(harness.paymentsUrl, final, TRAIL.captured);
        }
      } finally {
        await harness.close();
      }
    },
    UNTIL_EVERY_CAPTURE_LANDS_MS,
  );
});
