import { z } from 'zod';
import type { ApiResponse } from './api-response';
import { unixSeconds } from './clock';
import { newId } from './ids';
import type { ChargeRecord, Ledger } from './ledger';
import { amountParam, currencyParam, optionalTextParam, orderIdParam, textParam } from './params';
import { cardBehaviour, KNOWN_PAYMENT_METHODS, type CardBehaviour } from './payment-methods';
import { invalidRequest, stripeError } from './stripe-errors';
import { chargeObject } from './stripe-objects';

export const chargeParams = z.strictObject({
  amount: amountParam,
  currency: currencyParam,
  payment_method: textParam(255),
  order_id: orderIdParam,
  customer: optionalTextParam(255),
  description: optionalTextParam(1000),
});

export type ChargeParams = z.output<typeof chargeParams>;

/** What a charge takes from whom: everything but its id, its outcome and its time. */
export type ChargeAttempt = Pick<
  ChargeRecord,
  | 'orderId'
  | 'amount'
  | 'currency'
  | 'paymentMethod'
  | 'customer'
  | 'description'
  | 'paymentIntentId'
>;

export function unknownPaymentMethod(paymentMethod: string): ApiResponse {
  return invalidRequest(
    `No such PaymentMethod: '${paymentMethod}'. This sandbox knows Stripe's test ` +
      `payment methods ${KNOWN_PAYMENT_METHODS.join(', ')}.`,
    { code: 'resource_missing', param: 'payment_method' },
  );
}

/** Records an attempt on the card: a declined one as a failed charge that moved no money. */
export function recordCharge(
  ledger: Ledger,
  attempt: ChargeAttempt,
  card: CardBehaviour,
): ChargeRecord {
  const declined = card.outcome === 'declined';
  const charge: ChargeRecord = {
    ...attempt,
    id: newId('ch'),
    status: declined ? 'failed' : 'succeeded',
    failureCode: declined ? 'card_declined' : null,
    failureMessage: declined ? card.message : null,
    created: unixSeconds(),
  };
  ledger.recordCharge(charge);
  return charge;
}

/** Stripe's 402, naming the failed charge (and, for a PaymentIntent, the intent as it stands). */
export function cardDeclined(
  card: Extract<CardBehaviour, { outcome: 'declined' }>,
  charge: ChargeRecord,
  paymentIntent?: object,
): ApiResponse {
  return stripeError(402, {
    type: 'card_error',
    code: 'card_declined',
    decline_code: card.declineCode,
    message: card.message,
    charge: charge.id,
    payment_intent: paymentIntent,
  });
}

/** Charges the card, recording declines as failed attempts that moved no money. */
export function createCharge(ledger: Ledger, params: ChargeParams): ApiResponse {
  const card = cardBehaviour(params.payment_method);
  if (card === undefined) return unknownPaymentMethod(params.payment_method);
  const charge = recordCharge(
    ledger,
    {
      orderId: params.order_id,
      amount: params.amount,
      currency: params.currency,
      paymentMethod: params.payment_method,
      customer: params.customer,
      description: params.description,
      paymentIntentId: null,
    },
    card,
  );
  if (card.outcome === 'declined') return cardDeclined(card, charge);
  return { status: 200, body: chargeObject(charge, []) };
}
