import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '@delivery/activities';
import { CARD_DECLINED } from '@delivery/common';

/**
 * A flaky provider is retried until it answers, within a bounded time; a declined card is not
 * retried. Every money call carries an idempotency key, so a retry never charges twice.
 */
export const { chargeCustomer } = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  scheduleToCloseTimeout: '30 minutes',
  retry: {
    initialInterval: '200 milliseconds',
    backoffCoefficient: 2,
    maximumInterval: '5 seconds',
    nonRetryableErrorTypes: [CARD_DECLINED],
  },
});

/** Money already taken must go back: refunds keep trying for a week. */
export const { refundOrder } = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  scheduleToCloseTimeout: '7 days',
  retry: {
    initialInterval: '200 milliseconds',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
  },
});

/** A notification is worth a few minutes of retries, never a stuck order. */
export const { sendPushNotification } = proxyActivities<Activities>({
  startToCloseTimeout: '5 seconds',
  scheduleToCloseTimeout: '5 minutes',
  retry: {
    initialInterval: '200 milliseconds',
    backoffCoefficient: 2,
    maximumInterval: '5 seconds',
  },
});
