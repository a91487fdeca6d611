import type { PaymentMethodId } from '@delivery/common';

export type CardBehaviour =
  | { outcome: 'succeeds' }
  | { outcome: 'declined'; declineCode: string; message: string };

// Keyed by the shared list's ids, so adding a test card there fails to compile until it has a behaviour here.
const CARD_BEHAVIOURS: Record<PaymentMethodId, CardBehaviour> = {
  pm_card_visa: { outcome: 'succeeds' },
  pm_card_chargeDeclined: {
    outcome: 'declined',
    declineCode: 'generic_decline',
    message: 'Your card was declined.',
  },
  pm_card_chargeDeclinedInsufficientFunds: {
    outcome: 'declined',
    declineCode: 'insufficient_funds',
    message: 'Your card has insufficient funds.',
  },
};

export const KNOWN_PAYMENT_METHODS = Object.keys(CARD_BEHAVIOURS);

function isKnownPaymentMethod(id: string): id is PaymentMethodId {
  return Object.hasOwn(CARD_BEHAVIOURS, id);
}

export function cardBehaviour(paymentMethod: string): CardBehaviour | undefined {
  return isKnownPaymentMethod(paymentMethod) ? CARD_BEHAVIOURS[paymentMethod] : undefined;
}
