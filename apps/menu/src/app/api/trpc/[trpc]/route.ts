import { createMenuContext, createRouteHandler, menuRouter } from '@delivery/api';
import { TRPC_ENDPOINT } from '@delivery/ui/lib/trpc-endpoint';

export const dynamic = 'force-dynamic';

const handler = createRouteHandler({
  endpoint: TRPC_ENDPOINT,
  router: menuRouter,
  createContext: createMenuContext,
});

export { handler as GET, handler as POST };
