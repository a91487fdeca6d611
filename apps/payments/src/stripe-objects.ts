import type { ChargeRecord, RefundRecord } from './ledger';

export function refundObject(refund: RefundRecord) {
  return {
    id: refund.id,
    object: 'refund',
    amount: refund.amount,
    charge: refund.chargeId,
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
