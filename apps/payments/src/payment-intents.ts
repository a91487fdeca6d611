import { z } from 'zod';
import type { ApiResponse } from './api-response';
import { cardDeclined, recordCharge, unknownPaymentMethod, type ChargeAttempt } from './charges';
import { unixSeconds } from './clock';
import { newId } from './ids';
import type { Ledger, PaymentIntentRecord } from './ledger';
import {
  amountParam,
  booleanParam,
  currencyParam,
  metadataParam,
  optionalTextParam,
  textParam,
} from './params';
import { cardBehaviour } from './payment-methods';
import { resourceMissing } from './stripe-errors';
import { paymentIntentObject } from './stripe-objects';

export const paymentIntentParams = z.strictObject({
  amount: amountParam,
  currency: currencyParam,
  payment_method: textParam(255),
  capture_method: z
    .literal('manual')
    .describe('manual, the only capture method this sandbox supports'),
  confirm: booleanParam
    .pipe(z.literal(true))
    .describe('true: this sandbox authorizes the card as it creates the PaymentIntent'),
  metadata: metadataParam,
  customer: optionalTextParam(255),
  description: optionalTextParam(1000),
});

export type PaymentIntentParams = z.output<typeof paymentIntentParams>;

export function paymentIntentResponse(intent: PaymentIntentRecord): ApiResponse {
  return { status: 200, body: paymentIntentObject(intent) };
}

/** A charge of `amount` on the intent's card, for its order. */
export function chargeAttempt(intent: PaymentIntentRecord, amount: number): ChargeAttempt {
  const { orderId, currency, paymentMethod, customer, description } = intent;
  return {
    orderId,
    amount,
    currency,
    paymentMethod,
    customer,
    description,
    paymentIntentId: intent.id,
  };
}

/** Stripe's 404 for an unknown PaymentIntent; `param` is `intent` where the id is in the path. */
export function paymentIntentMissing(id: string, param = 'intent'): ApiResponse {
  return resourceMissing('payment_intent', id, param);
}

/**
 * Creates and confirms a PaymentIntent: the card is authorized (held, `requires_capture`) and no
 * money moves until the capture. A decline is recorded as a failed charge, as Stripe does, and
 * leaves the intent in `requires_payment_method`.
 */
export function createPaymentIntent(ledger: Ledger, params: PaymentIntentParams): ApiResponse {
  const card = cardBehaviour(params.payment_method);
  if (card === undefined) return unknownPaymentMethod(params.payment_method);
  const intent: PaymentIntentRecord = {
    id: newId('pi'),
    orderId: params.metadata.order_id,
    amount: params.amount,
    currency: params.currency,
    status: 'requires_capture',
    paymentMethod: params.payment_method,
    customer: params.customer,
    description: params.description,
    metadata: params.metadata,
    amountReceived: 0,
    latestChargeId: null,
    canceledAt: null,
    cancellationReason: null,
    created: unixSeconds(),
  };
  if (card.outcome === 'succeeds') {
    ledger.recordPaymentIntent(intent);
    return paymentIntentResponse(intent);
  }
  const attempt = recordCharge(ledger, chargeAttempt(intent, intent.amount), card);
  const declined: PaymentIntentRecord = {
    ...intent,
    status: 'requires_payment_method',
    latestChargeId: attempt.id,
  };
  ledger.recordPaymentIntent(declined);
  return cardDeclined(card, attempt, paymentIntentObject(declined));
}

export function retrievePaymentIntent(ledger: Ledger, id: string): ApiResponse {
  const intent = ledger.findPaymentIntent(id);
  return intent === undefined ? paymentIntentMissing(id) : paymentIntentResponse(intent);
}
