import { z } from 'zod';
import type { ApiResponse } from './api-response';
import { unixSeconds } from './clock';
import { newId } from './ids';
import type { ChargeRecord, Ledger } from './ledger';
import { amountParam, optionalTextParam, orderIdParam, textParam } from './params';
import { cardBehaviour, KNOWN_PAYMENT_METHODS } from './payment-methods';
import { invalidRequest, stripeError } from './stripe-errors';
import { chargeObject } from './stripe-objects';

export const chargeParams = z.strictObject({
  amount: amountParam,
  currency: z
    .string()
    .transform((currency) => currency.toLowerCase())
    .pipe(z.literal('usd'))
    .describe('usd, the only currency this sandbox settles'),
  payment_method: textParam(255),
  order_id: orderIdParam,
  customer: optionalTextParam(255),
  description: optionalTextParam(1000),
});

export type ChargeParams = z.output<typeof chargeParams>;

/** Charges the card, recording declines as failed attempts that moved no money. */
export function createCharge(ledger: Ledger, params: ChargeParams): ApiResponse {
  const card = cardBehaviour(params.payment_method);
  if (card === undefined) {
    return invalidRequest(
      `No such PaymentMethod: '${params.payment_method}'. This sandbox knows Stripe's test ` +
        `payment methods ${KNOWN_PAYMENT_METHODS.join(', ')}.`,
      { code: 'resource_missing', param: 'payment_method' },
    );
  }
  const declined = card.outcome === 'declined';
  const charge: ChargeRecord = {
    id: newId('ch'),
    orderId: params.order_id,
    amount: params.amount,
    currency: params.currency,
    status: declined ? 'failed' : 'succeeded',
    paymentMethod: params.payment_method,
    customer: params.customer,
    description: params.description,
    failureCode: declined ? 'card_declined' : null,
    failureMessage: declined ? card.message : null,
    created: unixSeconds(),
  };
  ledger.recordCharge(charge);
  if (declined) {
    return stripeError(402, {
      type: 'card_error',
      code: 'card_declined',
      decline_code: card.declineCode,
      message: card.message,
      charge: charge.id,
    });
  }
  return { status: 200, body: chargeObject(charge, []) };
}
