import { createMenuContext, menuRouter } from '@delivery/api';
import { createTrpcRouteHandler } from '@delivery/ui/lib/trpc-route-handler';

export const dynamic = 'force-dynamic';

const handler = createTrpcRouteHandler(menuRouter, createMenuContext);

export { handler as GET, handler as POST };
