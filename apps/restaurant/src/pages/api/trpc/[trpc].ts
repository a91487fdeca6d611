import { createRestaurantContext, createApiRoute, restaurantRouter } from '@delivery/api';
import { TRPC_ENDPOINT } from '@delivery/ui/lib/trpc-endpoint';

// tRPC reads the body itself, within its own limit.
export const config = { api: { bodyParser: false } };

export default createApiRoute({
  endpoint: TRPC_ENDPOINT,
  router: restaurantRouter,
  createContext: createRestaurantContext,
});
