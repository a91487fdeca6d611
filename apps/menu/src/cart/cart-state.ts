import {
  DEFAULT_PAYMENT_METHOD,
  MAX_QUANTITY_PER_DISH,
  PAYMENT_METHODS,
  type OrderItem,
  type PaymentMethodId,
} from '@delivery/common';

export interface CartState {
  /** Dish id -> quantity, in the order the dishes were added. */
  quantities: Record<string, number>;
  paymentMethod: PaymentMethodId;
  /**
   * The order id of the current checkout attempt: made when checkout starts, sent again on every
   * retry so the API starts the order at most once, and dropped once the order is placed or the
   * cart changes (a different cart is a different order; the API refuses to reuse the id).
   */
  checkoutId: string | null;
}

export type CartAction =
  | { type: 'setQuantity'; productId: string; quantity: number }
  | { type: 'choosePayment'; paymentMethod: PaymentMethodId }
  | { type: 'startCheckout'; checkoutId: string }
  | { type: 'orderPlaced' }
  | { type: 'fill'; items: readonly OrderItem[] };

export const EMPTY_CART: CartState = {
  quantities: {},
  paymentMethod: DEFAULT_PAYMENT_METHOD,
  checkoutId: null,
};

const clampQuantity = (quantity: number): number =>
  Math.max(0, Math.min(MAX_QUANTITY_PER_DISH, Math.trunc(quantity)));

function withQuantity(
  quantities: Record<string, number>,
  productId: string,
  quantity: number,
): Record<string, number> {
  const clamped = clampQuantity(quantity);
  if (clamped > 0) return { ...quantities, [productId]: clamped };
  return Object.fromEntries(Object.entries(quantities).filter(([id]) => id !== productId));
}

export function cartReducer(state: CartState, action: CartAction): CartState {
  switch (action.type) {
    case 'setQuantity':
      return {
        ...state,
        quantities: withQuantity(state.quantities, action.productId, action.quantity),
        checkoutId: null,
      };
    case 'choosePayment':
      return { ...state, paymentMethod: action.paymentMethod, checkoutId: null };
    case 'startCheckout':
      return state.checkoutId ? state : { ...state, checkoutId: action.checkoutId };
    case 'orderPlaced':
      return { ...EMPTY_CART, paymentMethod: state.paymentMethod };
    case 'fill':
      return {
        ...state,
        quantities: action.items.reduce(
          (quantities, item) => withQuantity(quantities, item.productId, item.quantity),
          {} as Record<string, number>,
        ),
        checkoutId: null,
      };
  }
}

export const cartItems = (state: CartState): OrderItem[] =>
  Object.entries(state.quantities).map(([productId, quantity]) => ({ productId, quantity }));

export const cartCount = (state: CartState): number =>
  Object.values(state.quantities).reduce((sum, quantity) => sum + quantity, 0);

const isPaymentMethod = (value: unknown): value is PaymentMethodId =>
  PAYMENT_METHODS.some((method) => method.id === value);

/** Reads a cart saved by an earlier visit, keeping only what still makes sense. */
export function parseSavedCart(saved: unknown): CartState {
  if (typeof saved !== 'object' || saved === null) return EMPTY_CART;
  const { quantities, paymentMethod, checkoutId } = saved as Record<string, unknown>;
  const items =
    typeof quantities === 'object' && quantities !== null
      ? Object.entries(quantities).filter(
          (entry): entry is [string, number] => typeof entry[1] === 'number',
        )
      : [];
  const filled = cartReducer(EMPTY_CART, {
    type: 'fill',
    items: items.map(([productId, quantity]) => ({ productId, quantity })),
  });
  return {
    ...filled,
    paymentMethod: isPaymentMethod(paymentMethod) ? paymentMethod : DEFAULT_PAYMENT_METHOD,
    checkoutId: typeof checkoutId === 'string' ? checkoutId : null,
  };
}
