import type { ChargeRecord, PaymentIntentRecord, RefundRecord } from './ledger';

export function refundObject(refund: RefundRecord) {
  return {
    id: refund.id,
    object: 'refund',
    amount: refund.amount,
    charge: refund.chargeId,
    payment_intent: refund.paymentIntentId,
    status: 'succeeded',
    reason: refund.reason,
    order_id: refund.orderId,
    created: refund.created,
  } as const;
}

/** `refunds` are the charge's own refunds, newest first. */
export function chargeObject(charge: ChargeRecord, refunds: readonly RefundRecord[]) {
  const amountRefunded = refunds.reduce((sum, refund) => sum + refund.amount, 0);
  return {
    id: charge.id,
    object: 'charge',
    amount: charge.amount,
    currency: charge.currency,
    status: charge.status,
    paid: charge.status === 'succeeded',
    refunded: charge.status === 'succeeded' && amountRefunded >= charge.amount,
    amount_refunded: amountRefunded,
    payment_method: charge.paymentMethod,
    payment_intent: charge.paymentIntentId,
    customer: charge.customer,
    description: charge.description,
    order_id: charge.orderId,
    failure_code: charge.failureCode,
    failure_message: charge.failureMessage,
    created: charge.created,
    refunds: { object: 'list', data: refunds.map(refundObject), has_more: false },
  } as const;
}

export function listObject(url: string, data: readonly object[], hasMore: boolean) {
  return { object: 'list', url, data, has_more: hasMore } as const;
}

/** A PaymentIntent with manual capture: held while `requires_capture`, taken once `succeeded`. */
export function paymentIntentObject(intent: PaymentIntentRecord) {
  return {
    id: intent.id,
    object: 'payment_intent',
    amount: intent.amount,
    amount_capturable: intent.status === 'requires_capture' ? intent.amount : 0,
    amount_received: intent.amountReceived,
    canceled_at: intent.canceledAt,
    cancellation_reason: intent.cancellationReason,
    capture_method: 'manual',
    created: intent.created,
    currency: intent.currency,
    customer: intent.customer,
    description: intent.description,
    latest_charge: intent.latestChargeId,
    metadata: intent.metadata,
    payment_method: intent.paymentMethod,
    status: intent.status,
  } as const;
}

export function searchResultObject(url: string, data: readonly object[]) {
  return { object: 'search_result', url, data, has_more: false, next_page: null } as const;
}
