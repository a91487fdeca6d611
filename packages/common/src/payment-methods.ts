/** Stripe's test payment methods: the sandbox honours them the way Stripe does. */
export const PAYMENT_METHODS = [
  { id: 'pm_card_visa', label: 'Visa ending 4242', outcome: 'succeeds' },
  { id: 'pm_card_chargeDeclined', label: 'Card that is declined', outcome: 'declined' },
  {
    id: 'pm_card_chargeDeclinedInsufficientFunds',
    label: 'Card with insufficient funds',
    outcome: 'declined',
  },
] as const;

export type PaymentMethodId = (typeof PAYMENT_METHODS)[number]['id'];

export const DEFAULT_PAYMENT_METHOD: PaymentMethodId = 'pm_card_visa';
