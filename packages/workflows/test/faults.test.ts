import { describe, expect, inject, it } from 'vitest';
import { moneyMoved } from '@delivery/harness/ledger';
import { accepted } from '@delivery/harness/order-actions';
import { waitForState } from '@delivery/harness/orders';
import { orderHarness } from './support/order-harness';

const ORDERS = 8;

describe('orders with a flaky payment provider and push service (failure rate 0.7)', () => {
  it('all complete, with exactly one charge per paid order', async () => {
    const harness = await orderHarness({ paymentsUrl: inject('flakyPaymentsUrl') });
    const driver = { id: 'dana', name: 'Dana' };
    const windows = {
      paymentWindowMs: 110_000,
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
              await waitForState(handle, 'Paid', 110_000);
              await accepted(handle, { action: 'pickUp', driver });
              await accepted(handle, { action: 'deliver', driver });
              return handle.result();
            }),
          ),
        { notificationFailureRate: 0.7 },
      );
      for (const final of finals) {
        expect(final.state).toBe('Delivered');
        expect(final.open).toBe(false);
        expect(await moneyMoved(harness.paymentsUrl, final.orderId)).toEqual({
          charges: 1,
          refunds: 0,
        });
      }
    } finally {
      await harness.close();
    }
  }, 240_000);
});
