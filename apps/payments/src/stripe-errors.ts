import type { ApiResponse } from './api-response';

/** The `error` member of every non-2xx body, shaped like Stripe's. */
export interface StripeErrorBody {
  type: 'invalid_request_error' | 'card_error' | 'idempotency_error' | 'api_error';
  message: string;
  code?: string;
  param?: string;
  decline_code?: string;
  /** The failed charge a card error refers to, as Stripe reports it. */
  charge?: string;
  /** The PaymentIntent an error is about, as it stands, as Stripe reports it. */
  payment_intent?: object;
}

export function stripeError(status: number, error: StripeErrorBody): ApiResponse {
  return { status, body: { error } };
}

export function invalidRequest(
  message: string,
  details: { param?: string; code?: string; status?: number } = {},
): ApiResponse {
  const { status = 400, ...rest } = details;
  return stripeError(status, { type: 'invalid_request_error', message, ...rest });
}

/** Stripe's 404 for an id that names nothing: `No such charge: 'ch_...'`. */
export function resourceMissing(resource: string, id: string, param: string): ApiResponse {
  return invalidRequest(`No such ${resource}: '${id}'`, {
    status: 404,
    code: 'resource_missing',
    param,
  });
}

export function apiError(status: number, message: string): ApiResponse {
  return stripeError(status, { type: 'api_error', message });
}

/**
 * Thrown for a request turned away before any processing: nothing is recorded and the
 * idempotency key stays free, as Stripe does for requests that fail validation.
 */
export class RejectedRequest extends Error {
  constructor(readonly response: ApiResponse) {
    super('Request rejected before processing');
  }
}

export function reject(message: string, details?: Parameters<typeof invalidRequest>[1]): never {
  throw new RejectedRequest(invalidRequest(message, details));
}
