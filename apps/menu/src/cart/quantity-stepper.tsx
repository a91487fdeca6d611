'use client';

import { MAX_QUANTITY_PER_DISH } from '@delivery/common';
import { MinusIcon, PlusIcon } from '@delivery/ui/icons';
import { useCart } from './cart-store';

const stepButton =
  'grid size-9 place-items-center rounded-lg text-stone-800 hover:bg-stone-100 disabled:text-stone-400 disabled:hover:bg-transparent';

/** − quantity + for one dish; one less than 1 takes the dish out of the cart. */
export interface QuantityStepperProps {
  productId: string;
  name: string;
  /** Puts keyboard focus on "one more" when the stepper appears. */
  autoFocus?: boolean;
}

export function QuantityStepper({ productId, name, autoFocus }: QuantityStepperProps) {
  const { cart, dispatch } = useCart();
  const quantity = cart.quantities[productId] ?? 0;
  const atMax = quantity >= MAX_QUANTITY_PER_DISH;
  const setQuantity = (next: number) =>
    dispatch({ type: 'setQuantity', productId, quantity: next });

  return (
    <div
      role="group"
      aria-label={`Quantity of ${name}`}
      className="inline-flex items-center rounded-xl bg-white ring-1 ring-stone-300"
    >
      <button
        type="button"
        className={stepButton}
        aria-label={quantity === 1 ? `Remove ${name}` : `One less ${name}`}
        data-testid={`decrement-${productId}`}
        onClick={() => setQuantity(quantity - 1)}
      >
        <MinusIcon />
      </button>
      <output
        aria-live="polite"
        aria-label={`${quantity} × ${name}`}
        data-testid={`quantity-${productId}`}
        className="min-w-7 text-center font-semibold tabular-nums"
      >
        {quantity}
      </output>
      <button
        type="button"
        className={stepButton}
        aria-label={`One more ${name}`}
        title={atMax ? `At most ${MAX_QUANTITY_PER_DISH} of one dish per order` : undefined}
        disabled={atMax}
        autoFocus={autoFocus}
        data-testid={`increment-${productId}`}
        onClick={() => setQuantity(quantity + 1)}
      >
        <PlusIcon />
      </button>
    </div>
  );
}
