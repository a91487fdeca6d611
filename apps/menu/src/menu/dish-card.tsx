'use client';

import { formatCents, type Product } from '@delivery/common';
import { Button } from '@delivery/ui/button';
import { Card } from '@delivery/ui/card';
import { PlusIcon } from '@delivery/ui/icons';
import { useState } from 'react';
import { useCart } from '~/cart/cart-store';
import { QuantityStepper } from '~/cart/quantity-stepper';

export function DishCard({ product }: { product: Product }) {
  const { cart, dispatch } = useCart();
  const inCart = (cart.quantities[product.id] ?? 0) > 0;
  // The Add button gives way to the stepper; keyboard focus follows it there.
  const [focusStepper, setFocusStepper] = useState(false);

  return (
    <Card as="li" className="flex overflow-hidden sm:flex-col" data-testid={`dish-${product.id}`}>
      {/* The pictures are small flat SVGs: next/image would add nothing but a loader. */}
      <img
        src={product.image}
        alt=""
        width={400}
        height={300}
        className="w-28 shrink-0 bg-stone-50 object-cover sm:aspect-4/3 sm:w-full"
      />
      <div className="flex min-w-0 flex-1 flex-col gap-2 p-3 sm:p-4">
        <div className="flex flex-wrap items-baseline justify-between gap-x-3">
          <h3 className="font-semibold text-stone-900">{product.name}</h3>
          <p className="font-semibold text-brand-800 tabular-nums">
            {formatCents(product.priceCents)}
          </p>
        </div>
        <p className="flex-1 text-sm text-stone-600">{product.description}</p>
        <div className="flex h-11 items-center sm:mt-2">
          {inCart ? (
            <QuantityStepper productId={product.id} name={product.name} autoFocus={focusStepper} />
          ) : (
            <Button
              variant="secondary"
              aria-label={`Add ${product.name} to cart`}
              data-testid={`add-to-cart-${product.id}`}
              onClick={() => {
                setFocusStepper(true);
                dispatch({ type: 'setQuantity', productId: product.id, quantity: 1 });
              }}
            >
              <PlusIcon />
              Add
            </Button>
          )}
        </div>
      </div>
    </Card>
  );
}
