import type { AnyRouter, inferRouterContext } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { RequestContextOptions } from './context';

/** A Next route handler (GET and POST) that serves one router at `endpoint`. */
export function createRouteHandler<TRouter extends AnyRouter>({
  endpoint,
  router,
  createContext,
}: {
  endpoint: string;
  router: TRouter;
  createContext: (options: RequestContextOptions) => Promise<inferRouterContext<TRouter>>;
}) {
  return (req: Request) =>
    fetchRequestHandler({
      endpoint,
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
