import { condition, isCancellation, patched } from '@temporalio/workflow';
import type { OrderState } from '@delivery/common';
import { formatCents } from '@delivery/common/money';
import { REFUNDABLE_STATES, isIn } from '@delivery/common/order-states';
import { chargeWithin, settleCharge } from './activity-proxies';
import { deliverAndAskForRating } from './delivery';
import { isCardDeclined } from './failures';
import type { OrderResult } from './messages';
import type { OrderRun } from './order-run';
import { PATCHES } from './patches';
import { refundAndEnd } from './refund-and-end';

/*
 * The path of orders placed before the kitchen joined, kept so they finish as they started and
 * their histories replay: the card is charged at once and the order goes straight to the drivers;
 * every way it can go wrong after the charge is a refund.
 */

export async function chargedUpFront(run: OrderRun): Promise<OrderResult> {
  const { windows } = run;
  run.touch();

  // 1. Take the payment.
  const charge = await chargeCard(run);
  if (charge === 'declined')
    return run.end(
      'Failed',
      'payment-failed',
      `Your payment did not go through: ${run.status.failureReason}`,
    );
  if (charge === 'unanswered') return settleUnansweredCharge(run);
  run.moveTo('Paid', { kind: 'pickup', inMs: windows.pickupWindowMs });
  run.notify(
    'paid',
    `Order confirmed: ${formatCents(run.input.totalCents)} charged. Waiting for a driver.`,
  );

  // 2. Wait for a driver; the customer may cancel until one picks the order up.
  await condition(() => run.state !== 'Paid', windows.pickupWindowMs);
  if (run.state === 'Refunding')
    return refundAndEnd(run, 'Cancelled', 'cancelled-by-customer', {
      event: 'cancelled',
      refunded: 'Your order was cancelled and refunded.',
    });
  if (run.state === 'Paid') {
    run.status.failureReason = 'No driver picked the order up in time.';
    return refundAndEnd(run, 'Refunded', 'pickup-timeout', {
      event: 'refunded',
      refunded: 'No driver could take your order in time; it was refunded.',
    });
  }

  // 3. Deliver, and ask for a rating.
  return deliverAndAskForRating(run);
}

/** Charges the card once (idempotency key); `unanswered` when the provider never answered. */
async function chargeCard(run: OrderRun): Promise<'charged' | 'declined' | 'unanswered'> {
  try {
    const { chargeId } = await chargeWithin(run.windows.paymentWindowMs)(chargeRequest(run));
    run.status.chargeId = chargeId;
    return 'charged';
  } catch (error) {
    if (isCancellation(error)) throw error;
    if (!isCardDeclined(error)) return 'unanswered';
    run.status.failureReason = error.cause.message;
    return 'declined';
  }
}

const chargeRequest = (run: OrderRun) => ({
  idempotencyKey: `${run.workflowId}:charge`,
  orderId: run.input.orderId,
  customerId: run.input.customerId,
  amountCents: run.input.totalCents,
  paymentMethod: run.input.paymentMethod,
});

/** The provider did not answer in time: the order fails, with the charge settled and refunded. */
function settleUnansweredCharge(run: OrderRun): Promise<OrderResult> {
  run.status.failureReason = 'The payment provider did not answer in time.';
  return settleRefundAndEnd(run, 'Failed', 'charge-unconfirmed', {
    event: 'payment-failed',
    notCharged: 'We could not take your payment. You have not been charged.',
    refunded:
      'We could not take your payment. Anything taken was refunded: you have not been charged.',
  });
}

/**
 * Ends an order whose charge has no answer. It may still land, so it is posted again under the
 * same key, which settles what happened (the charge the provider made, or one made now), and then
 * refunded; the customer hears "not charged" only once that is true.
 */
async function settleRefundAndEnd(
  run: OrderRun,
  state: OrderState,
  reason: string,
  notice: { event: string; notCharged: string; refunded: string },
): Promise<OrderResult> {
  if (patched(PATCHES.settleUnconfirmedCharge)) {
    if (run.state !== 'Refunding') run.moveTo('Refunding');
    if ((await settle(run)) === 'declined') return run.end(state, notice.event, notice.notCharged);
  }
  return refundAndEnd(run, state, reason, notice);
}

async function settle(run: OrderRun): Promise<'charged' | 'declined'> {
  try {
    const { chargeId } = await settleCharge(chargeRequest(run));
    run.status.chargeId = chargeId;
    return 'charged';
  } catch (error) {
    if (isCardDeclined(error)) return 'declined';
    throw error;
  }
}

/** An operator cancelled the workflow: money taken for an undelivered order goes back first. */
export async function chargedOrderCancelledByOperator(run: OrderRun): Promise<OrderResult> {
  if (!isIn(REFUNDABLE_STATES, run.state)) return run.finish();
  const notice = { event: 'cancelled', refunded: 'Your order was cancelled and refunded.' };
  if (run.status.chargeId === null)
    return settleRefundAndEnd(run, 'Cancelled', 'cancelled-by-operator', {
      ...notice,
      notCharged: 'Your order was cancelled. You have not been charged.',
    });
  return refundAndEnd(run, 'Cancelled', 'cancelled-by-operator', notice);
}
