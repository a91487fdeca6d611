import {
  httpBatchLink,
  httpSubscriptionLink,
  retryLink,
  splitLink,
  type TRPCLink,
} from '@trpc/client';
import type { AnyRouter } from '@trpc/server';
import { MAX_BATCH_CALLS } from '@delivery/common';
import { retryDelay } from './query-client';
import { isTransientError } from './api-errors';
import { TRPC_ENDPOINT } from './trpc-endpoint';

/**
 * Subscriptions ride Server-Sent Events and resubscribe after a transient failure (the server
 * yields the current state first, so nothing is missed); everything else is batched over HTTP.
 * Not the streaming batch link: it sends the response headers before the procedures run, so the
 * cookie a procedure sets (signing a driver in or out) would be lost.
 * Plain JSON, no transformer, so the links are the same for every router.
 */
export function createTrpcLinks(): TRPCLink<AnyRouter>[] {
  return [
    splitLink<AnyRouter>({
      condition: (op) => op.type === 'subscription',
      true: [
        retryLink<AnyRouter>({
          retry: ({ error }) => isTransientError(error),
          retryDelayMs: retryDelay,
        }),
        httpSubscriptionLink<AnyRouter, typeof EventSource>({ url: TRPC_ENDPOINT }),
      ],
      false: httpBatchLink<AnyRouter>({ url: TRPC_ENDPOINT, maxItems: MAX_BATCH_CALLS }),
    }),
  ];
}
