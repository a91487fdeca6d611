'use client';

import { formatCents, type Product } from '@delivery/common';
import { Button } from '@delivery/ui/button';
import { Card } from '@delivery/ui/card';
import { CloseIcon } from '@delivery/ui/icons';
import { Skeleton } from '@delivery/ui/skeleton';
import { PaymentMethodPicker } from '~/checkout/payment-method-picker';
import { usePlaceOrder } from '~/checkout/use-place-order';
import { useCart } from './cart-store';
import { cartCount } from './cart-state';
import { QuantityStepper } from './quantity-stepper';

export const CART_ID = 'cart';

export function CartPanel({ products }: { products: readonly Product[] }) {
  const { cart, dispatch, restored } = useCart();
  const { placeOrder, placing } = usePlaceOrder();
  const lines = products.flatMap((product) => {
    const quantity = cart.quantities[product.id];
    return quantity ? [{ product, quantity }] : [];
  });
  const totalCents = lines.reduce((sum, line) => sum + line.product.priceCents * line.quantity, 0);
  const count = cartCount(cart);

  return (
    <Card
      as="aside"
      id={CART_ID}
      aria-labelledby="cart-heading"
      className="scroll-mt-24 p-5 lg:sticky lg:top-24"
      data-testid="cart"
    >
      <h2 id="cart-heading" className="text-lg font-bold">
        Your order
        {count > 0 && (
          <span className="ml-2 text-sm font-medium text-stone-600">
            {count} {count === 1 ? 'item' : 'items'}
          </span>
        )}
      </h2>

      {!restored ? (
        <div className="mt-4 space-y-3">
          <Skeleton className="h-10" />
          <Skeleton className="h-10" />
        </div>
      ) : lines.length === 0 ? (
        <p className="mt-4 text-sm text-stone-600" data-testid="cart-empty">
          Your cart is empty. Add a dish from the menu to get started.
        </p>
      ) : (
        <ul className="mt-4 divide-y divide-stone-100">
          {lines.map(({ product, quantity }) => (
            <li
              key={product.id}
              className="flex flex-wrap items-center gap-x-3 gap-y-2 py-3"
              data-testid={`cart-line-${product.id}`}
            >
              <span className="min-w-0 flex-1 font-medium">{product.name}</span>
              <span className="text-sm text-stone-700 tabular-nums">
                {formatCents(product.priceCents * quantity)}
              </span>
              <div className="flex w-full items-center justify-between">
                <QuantityStepper productId={product.id} name={product.name} />
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={`Remove ${product.name} from cart`}
                  data-testid={`remove-${product.id}`}
                  onClick={() =>
                    dispatch({ type: 'setQuantity', productId: product.id, quantity: 0 })
                  }
                >
                  <CloseIcon />
                  Remove
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}

      <p className="mt-2 flex justify-between border-t border-stone-200 pt-3 text-base font-bold">
        <span>Total</span>
        <span className="tabular-nums" data-testid="cart-total">
          {formatCents(totalCents)}
        </span>
      </p>

      <form
        className="mt-5 space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          placeOrder();
        }}
      >
        <PaymentMethodPicker disabled={placing} />
        <Button
          type="submit"
          size="lg"
          className="w-full"
          disabled={lines.length === 0}
          pending={placing}
          pendingLabel="Placing order…"
          data-testid="place-order"
        >
          Place order{lines.length > 0 && ` · ${formatCents(totalCents)}`}
        </Button>
      </form>
    </Card>
  );
}
