'use client';

import type { OrderLine } from '@delivery/common';
import { Button } from '@delivery/ui/button';
import { useRouter } from 'next/navigation';
import { useCart } from '~/cart/cart-store';

/** Puts the same dishes back in the cart, e.g. to try again after a declined card. */
export function OrderAgainButton({ lines, label }: { lines: readonly OrderLine[]; label: string }) {
  const { dispatch } = useCart();
  const router = useRouter();
  return (
    <Button
      variant="secondary"
      data-testid="order-again"
      onClick={() => {
        dispatch({ type: 'fill', items: lines });
        router.push('/#cart');
      }}
    >
      {label}
    </Button>
  );
}
