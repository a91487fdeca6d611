import {
  createRouteHandler,
  type ApiServices,
  type Context,
  type RequestContextOptions,
  type driverRouter,
  type menuRouter,
  type restaurantRouter,
} from '../../src';
import { services as suiteServices } from './services';

type Router = typeof menuRouter | typeof driverRouter | typeof restaurantRouter;
type SiteContext = (options: RequestContextOptions, services: ApiServices) => Promise<Context>;

/**
 * A site's route handler as its Next route mounts it (`/api/trpc` over fetch, plain JSON), called
 * with a path such as `createOrder` or `createOrder,createOrder?batch=1`.
 */
export function site(
  router: Router,
  createContext: SiteContext,
  services: ApiServices = suiteServices,
) {
  const handler = createRouteHandler({
    endpoint: '/api/trpc',
    router,
    createContext: (options) => createContext(options, services),
  });
  return async (path: string, init: RequestInit & { cookie?: string; siteUrl?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.cookie) headers.set('cookie', init.cookie);
    if (init.body) headers.set('content-type', 'application/json');
    const response = await handler(
      new Request(`${init.siteUrl ?? 'http://localhost'}/api/trpc/${path}`, { ...init, headers }),
    );
    const setCookies = response.headers.getSetCookie();
    return { response, setCookies, cookie: setCookies[0]?.split(';')[0] };
  };
}

/** A tRPC response body: plain JSON, no transformer. */
export interface Body {
  result: { data: unknown };
  error: {
    message: string;
    data: { code: string; zodError: { fieldErrors: Record<string, string[]> } | null };
  };
}

export const json = (response: Response) => response.json() as Promise<Body>;

export const query = (input: unknown) => `?input=${encodeURIComponent(JSON.stringify(input))}`;

/** The body of a batch of mutations: each call's input under its index. */
export const batchBody = (inputs: unknown[]) =>
  JSON.stringify(Object.fromEntries(inputs.map((input, index) => [index, input])));
