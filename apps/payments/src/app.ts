import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { toResponse, type ApiResponse } from './api-response';
import { chargeParams, createCharge } from './charges';
import type { FaultSettings } from './faults';
import type { IdempotencyStore } from './idempotency';
import { idempotentPost } from './idempotent-post';
import type { Ledger } from './ledger';
import { listCharges, listParams, listRefunds } from './listing';
import type { Logger } from './logger';
import { parseParams } from './params';
import { searchParams, searchPaymentIntents } from './payment-intent-search';
import {
  cancelParams,
  cancelPaymentIntent,
  captureParams,
  capturePaymentIntent,
} from './payment-intent-transitions';
import { createPaymentIntent, paymentIntentParams, retrievePaymentIntent } from './payment-intents';
import type { PendingCommits } from './pending-commits';
import { createRefund, refundParams, refuseAsDisputed } from './refunds';
import { requestLog, summarize, type AppEnv } from './request-log';
import { apiError, invalidRequest, RejectedRequest } from './stripe-errors';

const MAX_BODY_BYTES = 100 * 1024;

export interface AppDependencies {
  ledger: Ledger;
  idempotency: IdempotencyStore;
  pendingCommits: PendingCommits;
  faults: FaultSettings;
  logger: Logger;
}

function answer(c: Context<AppEnv>, response: ApiResponse): Response {
  c.set('outcome', summarize(response.body));
  return toResponse(response);
}

function methodNotAllowed(allowed: readonly string[]) {
  return (c: Context<AppEnv>): Response => {
    const response = answer(
      c,
      invalidRequest(`Method ${c.req.method} is not allowed on ${c.req.path}.`, { status: 405 }),
    );
    response.headers.set('Allow', allowed.join(', '));
    return response;
  };
}

export function createApp({
  ledger,
  idempotency,
  pendingCommits,
  faults,
  logger,
}: AppDependencies): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const post = { idempotency, pendingCommits, faults };

  app.use(requestLog(logger));
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        answer(
          c,
          invalidRequest(`The request body must be at most ${MAX_BODY_BYTES} bytes.`, {
            status: 413,
          }),
        ),
    }),
  );

  app.get('/health', (c) => c.json({ ok: true }));
  app.all('/health', methodNotAllowed(['GET']));

  app.post(
    '/v1/charges',
    idempotentPost(post, chargeParams, (params) => createCharge(ledger, params)),
  );
  app.get('/v1/charges', (c) =>
    answer(c, listCharges(ledger, parseParams(listParams, c.req.query()))),
  );
  app.all('/v1/charges', methodNotAllowed(['GET', 'POST']));

  app.post(
    '/v1/refunds',
    idempotentPost(post, refundParams, (params) =>
      faults.refundsRefused ? refuseAsDisputed(params) : createRefund(ledger, params),
    ),
  );
  app.get('/v1/refunds', (c) =>
    answer(c, listRefunds(ledger, parseParams(listParams, c.req.query()))),
  );
  app.all('/v1/refunds', methodNotAllowed(['GET', 'POST']));

  app.post(
    '/v1/payment_intents',
    idempotentPost(post, paymentIntentParams, (params) => createPaymentIntent(ledger, params)),
  );
  app.all('/v1/payment_intents', methodNotAllowed(['POST']));
  // Before `/:id`, which would take `search` for an id.
  app.get('/v1/payment_intents/search', (c) =>
    answer(c, searchPaymentIntents(ledger, parseParams(searchParams, c.req.query()))),
  );
  app.all('/v1/payment_intents/search', methodNotAllowed(['GET']));
  app.get('/v1/payment_intents/:id', (c) =>
    answer(c, retrievePaymentIntent(ledger, c.req.param('id'))),
  );
  app.all('/v1/payment_intents/:id', methodNotAllowed(['GET']));
  app.post(
    '/v1/payment_intents/:id/capture',
    idempotentPost(post, captureParams, (params, id) => capturePaymentIntent(ledger, id, params)),
  );
  app.all('/v1/payment_intents/:id/capture', methodNotAllowed(['POST']));
  app.post(
    '/v1/payment_intents/:id/cancel',
    idempotentPost(post, cancelParams, (params, id) => cancelPaymentIntent(ledger, id, params)),
  );
  app.all('/v1/payment_intents/:id/cancel', methodNotAllowed(['POST']));

  app.notFound((c) =>
    answer(
      c,
      invalidRequest(`Unrecognized request URL (${c.req.method}: ${c.req.path}).`, { status: 404 }),
    ),
  );

  app.onError((error, c) => {
    if (error instanceof RejectedRequest) return answer(c, error.response);
    logger.error(
      `${c.req.method} ${c.req.path} failed unexpectedly: ${error.stack ?? error.message}`,
    );
    return answer(c, apiError(500, 'An unexpected error occurred in the payments sandbox.'));
  });

  return app;
}
