export interface Product {
  id: string;
  name: string;
  description: string;
  priceCents: number;
  /** Path of the dish's picture, served by the menu site. */
  image: string;
}

export const CATALOG: readonly Product[] = [
  {
    id: 'margherita',
    name: 'Margherita Pizza',
    description: 'San Marzano tomatoes, fior di latte, basil, olive oil.',
    priceCents: 1250,
    image: '/dishes/margherita.svg',
  },
  {
    id: 'pad-thai',
    name: 'Pad Thai',
    description: 'Rice noodles, tamarind, peanuts, lime, bean sprouts.',
    priceCents: 1400,
    image: '/dishes/pad-thai.svg',
  },
  {
    id: 'burrito',
    name: 'Carnitas Burrito',
    description: 'Slow-cooked pork, black beans, rice, salsa verde.',
    priceCents: 1150,
    image: '/dishes/burrito.svg',
  },
  {
    id: 'ramen',
    name: 'Shoyu Ramen',
    description: 'Soy broth, chashu, soft egg, nori, scallions.',
    priceCents: 1600,
    image: '/dishes/ramen.svg',
  },
  {
    id: 'falafel',
    name: 'Falafel Wrap',
    description: 'Crisp falafel, tahini, pickles, tomato, warm flatbread.',
    priceCents: 950,
    image: '/dishes/falafel.svg',
  },
  {
    id: 'salad',
    name: 'Harvest Salad',
    description: 'Kale, roasted squash, feta, pumpkin seeds, cider dressing.',
    priceCents: 1050,
    image: '/dishes/salad.svg',
  },
];

const byId = new Map(CATALOG.map((product) => [product.id, product]));

export function findProduct(productId: string): Product | undefined {
  return byId.get(productId);
}
