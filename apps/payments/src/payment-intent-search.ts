import { z } from 'zod';
import type { ApiResponse } from './api-response';
import type { Ledger } from './ledger';
import { textParam } from './params';
import { reject } from './stripe-errors';
import { paymentIntentObject, searchResultObject } from './stripe-objects';

const SEARCH_URL = '/v1/payment_intents/search';

export const searchParams = z.strictObject({
  query: textParam(1000),
});

export type SearchParams = z.output<typeof searchParams>;

// metadata['order_id']:'<id>' as Stripe writes it; double quotes work too, and a backslash
// escapes a quote inside the id.
const ORDER_QUERY = /^metadata\[(['"])order_id\1\]:(['"])((?:\\.|(?!\2)[^\\])*)\2$/;

function orderIdOf(query: string): string {
  const match = ORDER_QUERY.exec(query.trim());
  if (match?.[3] === undefined) {
    reject(
      `Unsupported search query: ${query}. This sandbox searches PaymentIntents only by ` +
        `metadata['order_id']:'<order id>'.`,
      { param: 'query' },
    );
  }
  return match[3].replace(/\\(.)/g, '$1');
}

/** Stripe's search, for the one query this sandbox answers: an order's intents, newest first. */
export function searchPaymentIntents(ledger: Ledger, { query }: SearchParams): ApiResponse {
  const data = ledger.paymentIntentsOfOrder(orderIdOf(query)).map(paymentIntentObject);
  return { status: 200, body: searchResultObject(SEARCH_URL, data) };
}
