import type { OrderLine, PaymentMethodId } from '@delivery/common';

interface PricedOrder {
  lines: readonly OrderLine[];
  paymentMethod: PaymentMethodId;
}

/** The same dishes, quantities and prices (in any order), paid the same way. */
export function isSameOrder(a: PricedOrder, b: PricedOrder): boolean {
  const key = (order: PricedOrder) =>
    JSON.stringify([
      order.paymentMethod,
      order.lines
        .map((line) => [line.productId, line.quantity, line.unitPriceCents])
        .sort(([x], [y]) => String(x).localeCompare(String(y))),
    ]);
  return key(a) === key(b);
}
