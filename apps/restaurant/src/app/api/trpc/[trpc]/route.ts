import { createRestaurantContext, createRouteHandler, restaurantRouter } from '@delivery/api';
import { TRPC_ENDPOINT } from '@delivery/ui/lib/trpc-endpoint';

export const dynamic = 'force-dynamic';

const handler = createRouteHandler({
  endpoint: TRPC_ENDPOINT,
  router: restaurantRouter,
  createContext: createRestaurantContext,
});

export { handler as GET, handler as POST };
