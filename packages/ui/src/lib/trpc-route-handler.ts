import type { AnyRouter, inferRouterContext } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { TRPC_ENDPOINT } from './trpc-endpoint';

export interface ContextOptions {
  headers: Headers;
  /** Headers of the response, where the context sets its cookies. */
  resHeaders: Headers;
}

/** The Next route handler that serves one router at TRPC_ENDPOINT. */
export function createTrpcRouteHandler<TRouter extends AnyRouter>(
  router: TRouter,
  createContext: (opts: ContextOptions) => Promise<inferRouterContext<TRouter>>,
) {
  return (req: Request) =>
    fetchRequestHandler({
      endpoint: TRPC_ENDPOINT,
      req,
      router,
      createContext: ({ req: request, resHeaders }) =>
        createContext({ headers: request.headers, resHeaders }),
      onError: ({ error, path }) => {
        // Refusals and bad input are answers; only a bug deserves the server log.
        if (error.code === 'INTERNAL_SERVER_ERROR')
          console.error(`tRPC ${path ?? '?'} failed`, error);
      },
    });
}
