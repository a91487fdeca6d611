import { boardPageSchema } from '@delivery/common';
import { concernsBoard } from '../live/board';
import { changesOf } from '../live/change-queue';
import { STAFF_SITES } from '../session/staff-sites';
import { actOnOrder } from '../temporal/orders';
import { boardQuery } from '../temporal/visibility-query';
import { driverProcedure, router } from '../trpc';
import { orderActionSchema, scopedRequestId } from './inputs';
import { listPage } from './list-page';
import { staffSessionProcedures } from './staff-session';

export const driverRouter = router({
  ...staffSessionProcedures(STAFF_SITES.driver, 'driver', (ctx) => ctx.driver),

  /** One Visibility call per page: food cooking or waiting for a driver, and this driver's own. */
  getOrders: driverProcedure.input(boardPageSchema).query(async ({ ctx, input }) => {
    const { rows, nextCursor } = await listPage(ctx, boardQuery(ctx.driver.id), input);
    return { orders: rows, nextCursor };
  }),

  pickUp: driverProcedure.input(orderActionSchema).mutation(({ ctx, input }) =>
    actOnOrder(ctx.temporal, {
      orderId: input.orderId,
      action: { action: 'pickUp', driver: ctx.driver },
      requestId: scopedRequestId(`driver:${ctx.driver.id}`, input.requestId),
    }),
  ),

  deliver: driverProcedure.input(orderActionSchema).mutation(({ ctx, input }) =>
    actOnOrder(ctx.temporal, {
      orderId: input.orderId,
      action: { action: 'deliver', driver: ctx.driver },
      requestId: scopedRequestId(`driver:${ctx.driver.id}`, input.requestId),
    }),
  ),

  /** Rows a board must add, update or drop, as orders change (the board itself is `getOrders`). */
  boardUpdates: driverProcedure.subscription(({ ctx, signal }) =>
    changesOf(ctx.feed, (row) => concernsBoard(row, ctx.driver.id), signal),
  ),
});

export type DriverRouter = typeof driverRouter;
