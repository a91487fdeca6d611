import { z } from 'zod';
import type { ApiResponse } from './api-response';
import { unixSeconds } from './clock';
import { newId } from './ids';
import type { Ledger, RefundRecord } from './ledger';
import { optionalTextParam, textParam } from './params';
import { invalidRequest } from './stripe-errors';
import { refundObject } from './stripe-objects';

export const refundParams = z.strictObject({
  charge: textParam(255),
  reason: optionalTextParam(500),
});

export type RefundParams = z.output<typeof refundParams>;

/** Refunds whatever of the charge has not been refunded yet. */
export function createRefund(ledger: Ledger, params: RefundParams): ApiResponse {
  const charge = ledger.findCharge(params.charge);
  if (charge === undefined) {
    return invalidRequest(`No such charge: '${params.charge}'`, {
      status: 404,
      code: 'resource_missing',
      param: 'charge',
    });
  }
  if (charge.status === 'failed') {
    return invalidRequest(`Charge ${charge.id} was declined, so there is nothing to refund.`, {
      code: 'charge_not_refundable',
      param: 'charge',
    });
  }
  const remaining = charge.amount - ledger.amountRefunded(charge.id);
  if (remaining <= 0) {
    return invalidRequest(`Charge ${charge.id} has already been refunded.`, {
      code: 'charge_already_refunded',
      param: 'charge',
    });
  }
  const refund: RefundRecord = {
    id: newId('re'),
    chargeId: charge.id,
    orderId: charge.orderId,
    amount: remaining,
    reason: params.reason,
    created: unixSeconds(),
  };
  ledger.recordRefund(refund);
  return { status: 200, body: refundObject(refund) };
}

/**
 * Stripe's answer to refunding a disputed charge (PAYMENT_REFUNDS_REFUSED): final, so retrying
 * never helps, and no money moves.
 */
export function refuseAsDisputed(params: RefundParams): ApiResponse {
  return invalidRequest(`Charge ${params.charge} has been disputed, so it cannot be refunded.`, {
    code: 'charge_disputed',
    param: 'charge',
  });
}
