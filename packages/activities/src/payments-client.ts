import { ApplicationFailure } from '@temporalio/common';
import { CARD_DECLINED } from '@delivery/common';

/** The parts of the Stripe-shaped sandbox's objects that the activities read. */
export interface Charge {
  id: string;
  status: 'succeeded' | 'failed';
  amount: number;
  refunded: boolean;
  refunds: { data: Refund[] };
}

export interface Refund {
  id: string;
  charge: string;
  amount: number;
}

export interface PaymentIntent {
  id: string;
  status: 'requires_payment_method' | 'requires_capture' | 'succeeded' | 'canceled';
  amount: number;
  amount_received: number;
  latest_charge: string | null;
}

export type CancellationReason = 'requested_by_customer' | 'abandoned';

interface StripeError {
  error?: { type?: string; code?: string; decline_code?: string; message?: string };
}

export interface PaymentsClient {
  createCharge(
    params: { amount: number; paymentMethod: string; orderId: string; customer: string },
    idempotencyKey: string,
    signal?: AbortSignal,
  ): Promise<Charge>;
  createRefund(
    params: { charge: string; reason: string },
    idempotencyKey: string,
    signal?: AbortSignal,
  ): Promise<Refund>;
  listCharges(orderId: string, signal?: AbortSignal): Promise<Charge[]>;
  /** Authorizes the card for `amount`: the money is held until it is captured or released. */
  authorize(
    params: { amount: number; paymentMethod: string; orderId: string; customer: string },
    idempotencyKey: string,
    signal?: AbortSignal,
  ): Promise<PaymentIntent>;
  capture(id: string, idempotencyKey: string, signal?: AbortSignal): Promise<PaymentIntent>;
  release(
    id: string,
    reason: CancellationReason,
    idempotencyKey: string,
    signal?: AbortSignal,
  ): Promise<PaymentIntent>;
}

/**
 * Talks to the payment provider over HTTP. A card decline becomes a non-retryable failure;
 * everything else (network errors, 5xx, 409 for a request still in progress) is left retryable.
 */
export function createPaymentsClient(baseUrl: string, requestTimeoutMs = 8_000): PaymentsClient {
  async function call<T>(
    path: string,
    init: RequestInit = {},
    cancelled?: AbortSignal,
  ): Promise<T> {
    const timeout = AbortSignal.timeout(requestTimeoutMs);
    const response = await fetch(new URL(path, baseUrl), {
      ...init,
      signal: cancelled ? AbortSignal.any([cancelled, timeout]) : timeout,
    });
    const body = (await response.json().catch(() => ({}))) as T & StripeError;
    if (response.ok) return body;
    const message = body.error?.message ?? `Payment provider answered HTTP ${response.status}`;
    if (response.status === 402 && body.error?.code === 'card_declined') {
      throw ApplicationFailure.nonRetryable(message, CARD_DECLINED, body.error.decline_code);
    }
    if (
      response.status >= 400 &&
      response.status < 500 &&
      ![408, 409, 429].includes(response.status)
    ) {
      // Our own request was wrong: retrying it cannot help.
      throw ApplicationFailure.nonRetryable(message, 'PaymentRequestRejected', body.error?.code);
    }
    throw new Error(message);
  }

  const post = <T>(
    path: string,
    params: Record<string, string>,
    idempotencyKey: string,
    signal?: AbortSignal,
  ) =>
    call<T>(
      path,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'idempotency-key': idempotencyKey,
        },
        body: new URLSearchParams(params).toString(),
      },
      signal,
    );

  return {
    createCharge: ({ amount, paymentMethod, orderId, customer }, idempotencyKey, signal) =>
      post<Charge>(
        '/v1/charges',
        {
          amount: String(amount),
          currency: 'usd',
          payment_method: paymentMethod,
          order_id: orderId,
          customer,
        },
        idempotencyKey,
        signal,
      ),
    createRefund: ({ charge, reason }, idempotencyKey, signal) =>
      post<Refund>('/v1/refunds', { charge, reason }, idempotencyKey, signal),
    authorize: ({ amount, paymentMethod, orderId, customer }, idempotencyKey, signal) =>
      post<PaymentIntent>(
        '/v1/payment_intents',
        {
          amount: String(amount),
          currency: 'usd',
          payment_method: paymentMethod,
          capture_method: 'manual',
          confirm: 'true',
          'metadata[order_id]': orderId,
          customer,
        },
        idempotencyKey,
        signal,
      ),
    capture: (id, idempotencyKey, signal) =>
      post<PaymentIntent>(
        `/v1/payment_intents/${encodeURIComponent(id)}/capture`,
        {},
        idempotencyKey,
        signal,
      ),
    release: (id, reason, idempotencyKey, signal) =>
      post<PaymentIntent>(
        `/v1/payment_intents/${encodeURIComponent(id)}/cancel`,
        { cancellation_reason: reason },
        idempotencyKey,
        signal,
      ),
    listCharges: async (orderId, signal) =>
      (
        await call<{ data: Charge[] }>(
          `/v1/charges?order_id=${encodeURIComponent(orderId)}`,
          {},
          signal,
        )
      ).data,
  };
}
