import {
  ApplicationFailure,
  CancellationScope,
  condition,
  isCancellation,
  patched,
} from '@temporalio/workflow';
import type { OrderInput } from '@delivery/common';
import { formatCents } from '@delivery/common/money';
import { isEnded } from '@delivery/common/order-states';
import { authorizeCard, captureHold, releaseAndEnd } from './card-hold';
import { chargedOrderCancelledByOperator, chargedUpFront } from './charged-up-front';
import { deliverAndAskForRating } from './delivery';
import { ENDINGS } from './endings';
import { orderInputProblem } from './input-check';
import type { OrderResult } from './messages';
import { answerRequests } from './order-requests';
import { OrderRun } from './order-run';
import { PATCHES } from './patches';
import { refundAndEnd } from './refund-and-end';

/**
 * One order: hold the money on the card, let the restaurant accept and cook it, hand it to a
 * driver (the money is taken now), deliver it, ask for a rating. Every way it can go wrong ends
 * with the customer's money accounted for: before the pickup the hold is released and nothing was
 * ever taken; after it, a missed delivery is refunded.
 */
export async function order(input: OrderInput): Promise<OrderResult> {
  const problem = orderInputProblem(input);
  if (problem)
    throw ApplicationFailure.nonRetryable(`Invalid order input: ${problem}`, 'InvalidOrderInput');
  // Decided once, as the order starts: orders placed before the kitchen joined finish as they began.
  const withKitchen = patched(PATCHES.kitchen);
  const run = new OrderRun(input, withKitchen);
  answerRequests(run);
  try {
    return await (withKitchen ? throughTheKitchen(run) : chargedUpFront(run));
  } catch (error) {
    if (!isCancellation(error)) throw error;
    const result = await CancellationScope.nonCancellable(() =>
      withKitchen ? cancelledByOperator(run) : chargedOrderCancelledByOperator(run),
    );
    if (!patched(PATCHES.operatorCancelCompletes)) throw error;
    return result;
  }
}

async function throughTheKitchen(run: OrderRun): Promise<OrderResult> {
  const { windows } = run;
  run.touch();

  // 1. Hold the money on the card.
  const hold = await authorizeCard(run);
  if (hold === 'declined')
    return run.end(
      'Failed',
      'payment-failed',
      `Your payment did not go through: ${run.status.failureReason} Nothing was taken or held.`,
    );
  if (hold === 'unanswered') return releaseAndEnd(run, ENDINGS.paymentUnanswered);
  run.moveTo('Waiting for restaurant', { kind: 'restaurant', inMs: windows.restaurantWindowMs });
  run.notify(
    'placed',
    `Order placed: ${formatCents(run.input.totalCents)} is held on your card and taken only ` +
      'when a driver picks your food up. Waiting for the restaurant to accept.',
  );

  // 2. The restaurant accepts or rejects, and silence rejects; the customer may cancel until then.
  await condition(() => run.state !== 'Waiting for restaurant', windows.restaurantWindowMs);
  if (run.state === 'Waiting for restaurant') run.beginRelease(ENDINGS.restaurantSilent);
  if (run.ending) return releaseAndEnd(run, run.ending);

  // 3. The kitchen cooks, and has a grace period past the time it promised.
  await condition(() => run.state !== 'Preparing', Math.max(1, run.readyDueAt - Date.now()));
  if (run.state === 'Preparing') run.beginRelease(ENDINGS.kitchenLate);
  if (run.ending) return releaseAndEnd(run, run.ending);

  // 4. The food waits at the pass for a driver.
  await condition(() => run.state !== 'Ready for pickup', windows.pickupWindowMs);
  if (run.state === 'Ready for pickup') run.beginRelease(ENDINGS.noDriver);
  if (run.ending) return releaseAndEnd(run, run.ending);

  // 5. A driver has it: the money is taken now. Then deliver, and ask for a rating.
  await captureHold(run);
  return deliverAndAskForRating(run);
}

/**
 * An operator cancelled the workflow: a hold is released (settled first if it never answered);
 * money already taken for food that was not delivered goes back.
 */
async function cancelledByOperator(run: OrderRun): Promise<OrderResult> {
  if (isEnded(run.state) || run.state === 'Delivered') return run.finish();
  if (run.state === 'Picked up' || run.state === 'Refunding') {
    if (run.status.money === 'authorized') await captureHold(run);
    return refundAndEnd(run, 'Cancelled', 'cancelled-by-operator', {
      event: 'cancelled',
      refunded: 'Your order was cancelled and refunded.',
    });
  }
  return releaseAndEnd(run, run.ending ?? ENDINGS.cancelledByOperator);
}
