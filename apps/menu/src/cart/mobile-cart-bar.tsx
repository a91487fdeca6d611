'use client';

import { formatCents, type Product } from '@delivery/common';
import { useCart } from './cart-store';
import { cartCount } from './cart-state';
import { CART_ID } from './cart-panel';

/** On narrow screens the cart sits below the menu; this bar keeps it one tap away. */
export function MobileCartBar({ products }: { products: readonly Product[] }) {
  const { cart } = useCart();
  const count = cartCount(cart);
  if (count === 0) return null;
  const totalCents = products.reduce(
    (sum, product) => sum + product.priceCents * (cart.quantities[product.id] ?? 0),
    0,
  );
  return (
    <div className="fixed inset-x-0 bottom-0 z-20 border-t border-stone-200 bg-white/95 p-3 backdrop-blur lg:hidden">
      <a
        href={`#${CART_ID}`}
        className="flex h-12 items-center justify-between rounded-xl bg-brand-700 px-4 font-semibold text-white"
      >
        <span>
          View order · {count} {count === 1 ? 'item' : 'items'}
        </span>
        <span className="tabular-nums">{formatCents(totalCents)}</span>
      </a>
    </div>
  );
}
