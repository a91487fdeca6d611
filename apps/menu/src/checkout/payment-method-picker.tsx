'use client';

import { PAYMENT_METHODS } from '@delivery/common';
import { cx } from '@delivery/ui/lib/cx';
import { useCart } from '~/cart/cart-store';

const OUTCOME_HINTS = {
  succeeds: 'Test card · payment goes through',
  declined: 'Test card · payment is declined',
} as const;

/** Stripe's test cards, so anyone can try an order that pays and one that is declined. */
export function PaymentMethodPicker({ disabled }: { disabled?: boolean }) {
  const { cart, dispatch } = useCart();
  return (
    <fieldset disabled={disabled} className="space-y-2">
      <legend className="mb-2 text-sm font-semibold text-stone-800">Pay with</legend>
      {PAYMENT_METHODS.map((method) => {
        const checked = cart.paymentMethod === method.id;
        return (
          <label
            key={method.id}
            className={cx(
              'flex cursor-pointer items-start gap-3 rounded-xl p-3 ring-1 transition-colors has-focus-visible:ring-2 has-focus-visible:ring-brand-700',
              checked ? 'bg-brand-50 ring-brand-300' : 'bg-white ring-stone-200 hover:bg-stone-50',
            )}
          >
            <input
              type="radio"
              name="payment-method"
              value={method.id}
              checked={checked}
              onChange={() => dispatch({ type: 'choosePayment', paymentMethod: method.id })}
              data-testid={`payment-${method.id}`}
              className="mt-0.5 size-4 accent-brand-700"
            />
            <span className="text-sm">
              <span className="block font-medium text-stone-900">{method.label}</span>
              <span className="block text-stone-600">{OUTCOME_HINTS[method.outcome]}</span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
