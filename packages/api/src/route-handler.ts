import type { AnyRouter, inferRouterContext } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { MAX_BATCH_CALLS } from '@delivery/common';
import { processLogger } from '@delivery/observability';
import { processConfig } from './config';
import type { RequestContextOptions } from './context';
import { refuseCrossSiteRequest } from './cross-site';
import { withReconnectDelay } from './live/reconnect-delay';
import { observeRequest } from './request-telemetry';
import { servedOverHttps } from './session/cookies';

/** The order a call was about, when its input names one, for the log line of its failure. */
function orderIdIn(input: unknown): string | undefined {
  const orderId = (input as { orderId?: unknown } | null)?.orderId;
  return typeof orderId === 'string' ? orderId : undefined;
}

/**
 * Serves one router at `endpoint` over fetch's `Request` and `Response` (the sites mount it
 * through `createApiRoute`), each request traced and counted (request-telemetry.ts), live
 * streams telling pages to reconnect within a second (live/reconnect-delay.ts).
 */
export function createRouteHandler<TRouter extends AnyRouter>({
  endpoint,
  router,
  createContext,
  allowedOrigins = () => processConfig().allowedOrigins,
}: {
  endpoint: string;
  router: TRouter;
  createContext: (options: RequestContextOptions) => Promise<inferRouterContext<TRouter>>;
  /** Origins besides the request's own whose pages may call; read only for such a request. */
  allowedOrigins?: () => readonly string[];
}) {
  const procedures = new Set(Object.keys(router._def.procedures));
  return (req: Request) =>
    observeRequest(req, { endpoint, procedures }, async (observed) =>
      withReconnectDelay(
        await fetchRequestHandler({
            endpoint,
            req,
            router,
            // Refused with a 400 before any call runs: one request cannot start a crowd of orders.
            maxBatchSize: MAX_BATCH_CALLS,
            createContext: ({ req: request, resHeaders }) => {
              refuseCrossSiteRequest(request, allowedOrigins);
              return createContext({
                headers: request.headers,
                resHeaders,
                secure: servedOverHttps(request.url, request.headers),
              });
            },
            onError: ({ error, path, input }) => {
              observed.failed(path, error.code);
              // Refusals and bad input are answers; only a bug deserves the server log.
              if (error.code === 'INTERNAL_SERVER_ERROR')
                processLogger().error(
                  { err: error, procedure: path, orderId: orderIdIn(input) },
                  `tRPC ${path ?? '?'} failed`,
                );
            },
          }),
      ),
    );
}
