import { z } from 'zod';
import type { ApiResponse } from './api-response';
import { unixSeconds } from './clock';
import { newId } from './ids';
import type { Ledger, RefundRecord } from './ledger';
import { amountParam, optionalTextParam, textParam } from './params';
import { paymentIntentMissing } from './payment-intents';
import { invalidRequest, resourceMissing } from './stripe-errors';
import { refundObject } from './stripe-objects';

export const refundParams = z
  .strictObject({
    charge: textParam(255).optional(),
    payment_intent: textParam(255)
      .optional()
      .describe('the id of a PaymentIntent, given instead of charge, not with it'),
    amount: amountParam.optional(),
    reason: optionalTextParam(500),
  })
  // As in Stripe: a refund names either the charge or the PaymentIntent that took the money.
  .refine(({ charge, payment_intent }) => charge !== undefined || payment_intent !== undefined, {
    path: ['charge'],
  })
  .refine(({ charge, payment_intent }) => charge === undefined || payment_intent === undefined, {
    path: ['payment_intent'],
  });

export type RefundParams = z.output<typeof refundParams>;

/** What a refund takes money back from, as its params name it. */
interface RefundTarget {
  param: 'charge' | 'payment_intent';
  id: string;
}

function refundTarget({ charge, payment_intent }: RefundParams): RefundTarget {
  if (payment_intent !== undefined) return { param: 'payment_intent', id: payment_intent };
  if (charge !== undefined) return { param: 'charge', id: charge };
  throw new Error('refundParams let through a refund that names neither charge nor intent.');
}

/** Refunds `amount` of the charge, by default whatever of it has not been refunded yet. */
function refundCharge(
  ledger: Ledger,
  chargeId: string,
  params: RefundParams,
  param: RefundTarget['param'],
): ApiResponse {
  const charge = ledger.findCharge(chargeId);
  if (charge === undefined) return resourceMissing('charge', chargeId, param);
  if (charge.status === 'failed') {
    return invalidRequest(`Charge ${charge.id} was declined, so there is nothing to refund.`, {
      code: 'charge_not_refundable',
      param,
    });
  }
  const remaining = charge.amount - ledger.amountRefunded(charge.id);
  if (remaining <= 0) {
    return invalidRequest(`Charge ${charge.id} has already been refunded.`, {
      code: 'charge_already_refunded',
      param,
    });
  }
  const amount = params.amount ?? remaining;
  if (amount > remaining) {
    return invalidRequest(
      `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining}).`,
      { code: 'amount_too_large', param: 'amount' },
    );
  }
  const refund: RefundRecord = {
    id: newId('re'),
    chargeId: charge.id,
    orderId: charge.orderId,
    amount,
    reason: params.reason,
    created: unixSeconds(),
    paymentIntentId: charge.paymentIntentId,
  };
  ledger.recordRefund(refund);
  return { status: 200, body: refundObject(refund) };
}

/** Refunds the charge the intent's capture made: only a captured intent has taken money. */
function refundPaymentIntent(ledger: Ledger, id: string, params: RefundParams): ApiResponse {
  const intent = ledger.findPaymentIntent(id);
  if (intent === undefined) return paymentIntentMissing(id, 'payment_intent');
  if (intent.status !== 'succeeded' || intent.latestChargeId === null) {
    return invalidRequest(
      `This PaymentIntent (${id}) does not have a successful charge to refund: its status is ` +
        `${intent.status}.`,
      { code: 'payment_intent_unexpected_state', param: 'payment_intent' },
    );
  }
  return refundCharge(ledger, intent.latestChargeId, params, 'payment_intent');
}

export function createRefund(ledger: Ledger, params: RefundParams): ApiResponse {
  const { param, id } = refundTarget(params);
  return param === 'charge'
    ? refundCharge(ledger, id, params, param)
    : refundPaymentIntent(ledger, id, params);
}

/**
 * Stripe's answer to refunding a disputed charge (PAYMENT_REFUNDS_REFUSED): final, so retrying
 * never helps, and no money moves.
 */
export function refuseAsDisputed(params: RefundParams): ApiResponse {
  const { param, id } = refundTarget(params);
  const subject = param === 'charge' ? 'Charge' : 'PaymentIntent';
  return invalidRequest(`${subject} ${id} has been disputed, so it cannot be refunded.`, {
    code: 'charge_disputed',
    param,
  });
}
