import { proxyActivities, type ActivityOptions } from '@temporalio/workflow';
import type { Activities } from '@delivery/activities';
import { CARD_DECLINED } from '@delivery/common/failure-types';

/**
 * Money calls heartbeat while they wait on the provider, so a dead worker is noticed in seconds
 * and a cancellation reaches the HTTP request. Every one carries an idempotency key, so a retry
 * never charges twice; a declined card is not retried.
 */
const MONEY_CALL = {
  startToCloseTimeout: '10 seconds',
  heartbeatTimeout: '3 seconds',
} as const;

/** A flaky provider is retried until it answers, within the order's payment window. */
const withinPaymentWindow = (paymentWindowMs: number) =>
  proxyActivities<Activities>({
    ...MONEY_CALL,
    scheduleToCloseTimeout: paymentWindowMs,
    retry: {
      initialInterval: '200 milliseconds',
      backoffCoefficient: 2,
      maximumInterval: '5 seconds',
      nonRetryableErrorTypes: [CARD_DECLINED],
    },
  });

export const chargeWithin = (paymentWindowMs: number) =>
  withinPaymentWindow(paymentWindowMs).chargeCustomer;

export const authorizeWithin = (paymentWindowMs: number) =>
  withinPaymentWindow(paymentWindowMs).authorizePayment;

/** Money that may have been taken must be accounted for: settling and refunds try for a week. */
const UNTIL_SETTLED: ActivityOptions = {
  ...MONEY_CALL,
  scheduleToCloseTimeout: '7 days',
  retry: {
    initialInterval: '200 milliseconds',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
    nonRetryableErrorTypes: [CARD_DECLINED],
  },
};

/**
 * Settling an unanswered charge or authorization posts it again under the same idempotency key:
 * the provider answers with what it made, or makes it now, once; never a second one. Captures
 * and releases move money that is already held, so they too are tried until they land.
 */
export const {
  chargeCustomer: settleCharge,
  authorizePayment: settleAuthorization,
  capturePayment,
  releasePayment,
  refundOrder,
} = proxyActivities<Activities>(UNTIL_SETTLED);

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

/**
 * An order's event is retried until the broker takes it (backoff up to 10 s), for a day: the
 * order completes only once its final event landed, so that one must ride out a broker outage.
 * An attempt takes milliseconds, or waits up to 4 s for a broker that is away and lands once it
 * is back. One lost with its worker is tried again 5 s later: the live pages see that change
 * about 5 s late.
 */
export const { publishOrderEvent } = proxyActivities<Activities>({
  startToCloseTimeout: '5 seconds',
  scheduleToCloseTimeout: '1 day',
  retry: {
    initialInterval: '200 milliseconds',
    backoffCoefficient: 2,
    maximumInterval: '10 seconds',
  },
});
