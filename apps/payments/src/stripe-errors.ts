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
