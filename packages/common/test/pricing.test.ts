import { describe, expect, it } from 'vitest';
import { CATALOG, UnknownProductError, createOrderSchema, formatCents, priceItems } from '../src';

describe('pricing an order', () => {
  it('prices each dish from the catalog and merges repeated dishes', () => {
    const { lines, totalCents } = priceItems([
      { productId: 'margherita', quantity: 1 },
      { productId: 'ramen', quantity: 2 },
      { productId: 'margherita', quantity: 1 },
    ]);
    expect(lines).toEqual([
      {
        productId: 'margherita',
        quantity: 2,
        name: 'Margherita Pizza',
        unitPriceCents: 1250,
        lineTotalCents: 2500,
      },
      {
        productId: 'ramen',
        quantity: 2,
        name: 'Shoyu Ramen',
        unitPriceCents: 1600,
        lineTotalCents: 3200,
      },
    ]);
    expect(totalCents).toBe(5700);
    expect(formatCents(totalCents)).toBe('$57.00');
  });

  it('names an unknown dish', () => {
    expect(() => priceItems([{ productId: 'caviar', quantity: 1 }])).toThrow(UnknownProductError);
    expect(() => priceItems([{ productId: 'caviar', quantity: 1 }])).toThrow(/"caviar"/);
  });

  it('has a picture and a positive price for every dish', () => {
    for (const product of CATALOG) {
      expect(product.priceCents).toBeGreaterThan(0);
      expect(product.image).toBe(`/dishes/${product.id}.svg`);
    }
  });
});

describe('the createOrder input schema', () => {
  const orderId = '7f1b6a1e-2f7e-4a51-9b8f-2b6c5b1c9d10';
  const accepts = (input: unknown) => createOrderSchema.safeParse(input).success;

  it('accepts a well-formed order', () => {
    expect(accepts({ orderId, items: [{ productId: 'ramen', quantity: 3 }] })).toBe(true);
    expect(
      accepts({
        orderId,
        items: [{ productId: 'ramen', quantity: 1 }],
        paymentMethod: 'pm_card_visa',
      }),
    ).toBe(true);
  });

  it.each([
    ['a non-uuid id', { orderId: 'abc', items: [{ productId: 'ramen', quantity: 1 }] }],
    ['no items', { orderId, items: [] }],
    ['a zero quantity', { orderId, items: [{ productId: 'ramen', quantity: 0 }] }],
    ['a negative quantity', { orderId, items: [{ productId: 'ramen', quantity: -1 }] }],
    ['a fractional quantity', { orderId, items: [{ productId: 'ramen', quantity: 1.5 }] }],
    ['a huge quantity', { orderId, items: [{ productId: 'ramen', quantity: 1e9 }] }],
    [
      'an unknown payment method',
      { orderId, items: [{ productId: 'ramen', quantity: 1 }], paymentMethod: 'pm_x' },
    ],
    ['an extra field', { orderId, items: [{ productId: 'ramen', quantity: 1 }], discount: 100 }],
    [
      'too many lines',
      { orderId, items: Array.from({ length: 21 }, () => ({ productId: 'ramen', quantity: 1 })) },
    ],
  ])('rejects %s', (_, input) => {
    expect(accepts(input)).toBe(false);
  });
});
