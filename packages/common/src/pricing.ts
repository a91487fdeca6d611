import { findProduct } from './catalog';
import type { OrderItem, OrderLine } from './order-model';

export class UnknownProductError extends Error {
  constructor(readonly productId: string) {
    super(`There is no dish "${productId}" on the menu.`);
    this.name = 'UnknownProductError';
  }
}

/** Merges repeated dishes and prices each line from the catalog. */
export function priceItems(items: readonly OrderItem[]): {
  lines: OrderLine[];
  totalCents: number;
} {
  const quantities = new Map<string, number>();
  for (const { productId, quantity } of items) {
    quantities.set(productId, (quantities.get(productId) ?? 0) + quantity);
  }
  const lines = [...quantities].map(([productId, quantity]) => {
    const product = findProduct(productId);
    if (!product) throw new UnknownProductError(productId);
    return {
      productId,
      quantity,
      name: product.name,
      unitPriceCents: product.priceCents,
      lineTotalCents: product.priceCents * quantity,
    };
  });
  return { lines, totalCents: lines.reduce((sum, line) => sum + line.lineTotalCents, 0) };
}
