import { ActivityFailure, isCancellation, log } from '@temporalio/workflow';
import {
  authorizeWithin,
  capturePayment,
  releasePayment,
  settleAuthorization,
} from './activity-proxies';
import type { Ending } from './endings';
import { isCardDeclined } from './failures';
import type { OrderResult } from './messages';
import type { OrderRun } from './order-run';

/*
 * The money of an order that goes through the kitchen: the card is authorized (held) when the
 * order is placed, captured when a driver picks the food up, and released by every end before
 * that. Each call carries a key made of the workflow id and the step, so a retry is the same call.
 */

const keyOf = (run: OrderRun, step: 'authorize' | 'capture' | 'release') =>
  `${run.workflowId}:${step}`;

const authorization = (run: OrderRun) => ({
  idempotencyKey: keyOf(run, 'authorize'),
  orderId: run.input.orderId,
  customerId: run.input.customerId,
  amountCents: run.input.totalCents,
  paymentMethod: run.input.paymentMethod,
});

/** The provider refused the call for good, or its retries ran out; not a cancellation. */
const givenUp = (error: unknown): error is ActivityFailure =>
  error instanceof ActivityFailure && !isCancellation(error);

/** Holds the order's total on the card; `unanswered` when the provider never answered in time. */
export async function authorizeCard(run: OrderRun): Promise<'held' | 'declined' | 'unanswered'> {
  try {
    const { paymentIntentId } = await authorizeWithin(run.windows.paymentWindowMs)(
      authorization(run),
    );
    run.status.paymentIntentId = paymentIntentId;
    run.moneyIs('authorized');
    return 'held';
  } catch (error) {
    if (isCancellation(error)) throw error;
    if (!isCardDeclined(error)) return 'unanswered';
    run.status.failureReason = error.cause.message;
    run.moneyIs('not charged');
    return 'declined';
  }
}

/**
 * Settles an authorization whose answer never came: it may still land, so it is posted again
 * under the same key, which answers with the hold the provider made (or makes it now), once.
 * `false` when the card was declined after all.
 */
export async function settleHold(run: OrderRun): Promise<boolean> {
  try {
    const { paymentIntentId } = await settleAuthorization(authorization(run));
    run.status.paymentIntentId = paymentIntentId;
    return true;
  } catch (error) {
    if (!isCardDeclined(error)) throw error;
    run.moneyIs('not charged');
    return false;
  }
}

/** Releases the hold (settling it first if its answer never came), then ends as `run.ending` says. */
export async function releaseAndEnd(run: OrderRun, ending: Ending): Promise<OrderResult> {
  if (run.state !== 'Releasing hold') run.beginRelease(ending);
  if (run.status.paymentIntentId || (await settleHold(run))) await release(run, ending);
  return run.end(ending.state, ending.event, ending.message);
}

async function release(run: OrderRun, ending: Ending): Promise<void> {
  try {
    await releasePayment({
      idempotencyKey: keyOf(run, 'release'),
      paymentIntentId: run.status.paymentIntentId!,
      reason: ending.cancellationReason,
    });
  } catch (error) {
    if (!givenUp(error)) throw error;
    // Refused for good (the provider has no such hold any more) or a week without an answer,
    // after which the provider lets the hold lapse: either way nothing is held.
    log.warn('Release gave up; the hold has lapsed', { error: String(error.cause ?? error) });
  }
  run.moneyIs('released');
}

/**
 * Takes the held money once a driver has the food. A capture the provider refuses for good
 * leaves the money uncaptured and asks an operator to settle it; the delivery goes on.
 */
export async function captureHold(run: OrderRun): Promise<void> {
  try {
    const { chargeId } = await capturePayment({
      idempotencyKey: keyOf(run, 'capture'),
      paymentIntentId: run.status.paymentIntentId!,
    });
    run.status.chargeId = chargeId;
    run.moneyIs('captured');
    // The order stays `Picked up` until delivery: the customer sees the money taken now.
    run.showNow();
  } catch (error) {
    if (!givenUp(error)) throw error;
    log.error('Capture gave up; an operator must settle the payment', {
      error: String(error.cause ?? error),
    });
  }
}
