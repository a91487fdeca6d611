import type { AnyRouter, inferRouterContext } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { MAX_BATCH_CALLS } from '@delivery/common';
import { processConfig } from './config';
import type { RequestContextOptions } from './context';
import { refuseCrossSiteRequest } from './cross-site';
import { servedOverHttps } from './session/cookies';

/** A Next route handler (GET and POST) that serves one router at `endpoint`. */
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
  return (req: Request) =>
    fetchRequestHandler({
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
      onError: ({ error, path }) => {
        // Refusals and bad input are answers; only a bug deserves the server log.
        if (error.code === 'INTERNAL_SERVER_ERROR')
          console.error(`tRPC ${path ?? '?'} failed`, error);
      },
    });
}
