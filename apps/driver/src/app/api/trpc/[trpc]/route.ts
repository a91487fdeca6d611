import { createDriverContext, createRouteHandler, driverRouter } from '@delivery/api';
import { TRPC_ENDPOINT } from '@delivery/ui/lib/trpc-endpoint';

export const dynamic = 'force-dynamic';

const handler = createRouteHandler({
  endpoint: TRPC_ENDPOINT,
  router: driverRouter,
  createContext: createDriverContext,
});

export { handler as GET, handler as POST };
