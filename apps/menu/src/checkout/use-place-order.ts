'use client';

import { errorMessage, isTransientError } from '@delivery/ui/lib/api-errors';
import { newId } from '@delivery/ui/lib/new-id';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { useCart } from '~/cart/cart-store';
import { cartItems } from '~/cart/cart-state';
import { trpc } from '~/trpc';

/**
 * Places the cart as one order. The order id is fixed for the checkout attempt, so a double
 * click, a retry after a network error or a reload all reach the same order.
 */
export function usePlaceOrder() {
  const { cart, dispatch } = useCart();
  const router = useRouter();
  const utils = trpc.useUtils();
  const createOrder = trpc.createOrder.useMutation({
    onSuccess: ({ orderId }) => {
      dispatch({ type: 'orderPlaced' });
      void utils.myOrders.invalidate();
      toast.success('Order placed. Checking your card…');
      router.push(`/orders/${orderId}`);
    },
    onError: (error) =>
      toast.error(
        isTransientError(error)
          ? 'Your order is not confirmed yet: the service is reconnecting. Press “Place order” again in a moment; it is never placed or charged twice.'
          : errorMessage(error),
      ),
  });

  const placeOrder = () => {
    if (createOrder.isPending) return;
    const orderId = cart.checkoutId ?? newId();
    dispatch({ type: 'startCheckout', checkoutId: orderId });
    createOrder.mutate({ orderId, items: cartItems(cart), paymentMethod: cart.paymentMethod });
  };

  return { placeOrder, placing: createOrder.isPending || createOrder.isSuccess };
}
