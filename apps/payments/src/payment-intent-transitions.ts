import { z } from 'zod';
import type { ApiResponse } from './api-response';
import { recordCharge } from './charges';
import { unixSeconds } from './clock';
import type { Ledger, PaymentIntentRecord, PaymentIntentStatus } from './ledger';
import { amountParam, optionalParam } from './params';
import { chargeAttempt, paymentIntentMissing, paymentIntentResponse } from './payment-intents';
import { invalidRequest, stripeError } from './stripe-errors';
import { paymentIntentObject } from './stripe-objects';

const CANCELLATION_REASONS = [
  'duplicate',
  'fraudulent',
  'requested_by_customer',
  'abandoned',
] as const;

export const captureParams = z.strictObject({
  amount_to_capture: amountParam.optional(),
});

export const cancelParams = z.strictObject({
  cancellation_reason: optionalParam(
    z.enum(CANCELLATION_REASONS),
    `one of ${CANCELLATION_REASONS.join(', ')}`,
  ),
});

export type CaptureParams = z.output<typeof captureParams>;
export type CancelParams = z.output<typeof cancelParams>;

const CAPTURABLE: readonly PaymentIntentStatus[] = ['requires_capture'];
const CANCELABLE: readonly PaymentIntentStatus[] = ['requires_payment_method', 'requires_capture'];

/** Stripe's answer to a capture or cancel the intent's status does not allow, with the intent. */
function unexpectedState(
  intent: PaymentIntentRecord,
  action: 'captured' | 'canceled',
  allowed: readonly PaymentIntentStatus[],
): ApiResponse {
  return stripeError(400, {
    type: 'invalid_request_error',
    code: 'payment_intent_unexpected_state',
    message:
      `This PaymentIntent could not be ${action} because it has a status of ${intent.status}. ` +
      `Only a PaymentIntent with one of the following statuses may be ${action}: ` +
      `${allowed.join(', ')}.`,
    payment_intent: paymentIntentObject(intent),
  });
}

/** Applies `change` to the intent if its status is one of `allowed`. */
function transition(
  ledger: Ledger,
  id: string,
  action: 'captured' | 'canceled',
  allowed: readonly PaymentIntentStatus[],
  change: (intent: PaymentIntentRecord) => ApiResponse,
): ApiResponse {
  const intent = ledger.findPaymentIntent(id);
  if (intent === undefined) return paymentIntentMissing(id);
  if (!allowed.includes(intent.status)) return unexpectedState(intent, action, allowed);
  return change(intent);
}

/**
 * Takes the held money, all of it or `amount_to_capture`, releasing the rest. This is when money
 * moves, so this is when the charge is made: a succeeded charge of the amount received, listed
 * by `GET /v1/charges` among the order's charges (a hold is not), so that counting an order's
 * succeeded charges counts the money taken, whether the order charged or authorized its card.
 */
export function capturePaymentIntent(
  ledger: Ledger,
  id: string,
  params: CaptureParams,
): ApiResponse {
  return transition(ledger, id, 'captured', CAPTURABLE, (intent) => {
    const amount = params.amount_to_capture ?? intent.amount;
    if (amount > intent.amount) {
      return invalidRequest(
        `The amount_to_capture (${amount}) cannot exceed the amount capturable (${intent.amount}).`,
        { code: 'amount_too_large', param: 'amount_to_capture' },
      );
    }
    const charge = recordCharge(ledger, chargeAttempt(intent, amount), { outcome: 'succeeds' });
    const captured: PaymentIntentRecord = {
      ...intent,
      status: 'succeeded',
      amountReceived: amount,
      latestChargeId: charge.id,
    };
    ledger.updatePaymentIntent(captured);
    return paymentIntentResponse(captured);
  });
}

/** Releases the hold (or closes a declined intent); no money moves. */
export function cancelPaymentIntent(ledger: Ledger, id: string, params: CancelParams): ApiResponse {
  return transition(ledger, id, 'canceled', CANCELABLE, (intent) => {
    const canceled: PaymentIntentRecord = {
      ...intent,
      status: 'canceled',
      canceledAt: unixSeconds(),
      cancellationReason: params.cancellation_reason,
    };
    ledger.updatePaymentIntent(canceled);
    return paymentIntentResponse(canceled);
  });
}
