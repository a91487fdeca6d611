import {
  boardPageSchema,
  prepMinutesSchema,
  rejectReasonSchema,
  type Staff,
} from '@delivery/common';
import type { OrderAction } from '@delivery/workflows/contract';
import { changesOf } from '../live/change-queue';
import { concernsKitchen } from '../live/tickets';
import { STAFF_SITES } from '../session/staff-sites';
import type { TemporalAccess } from '../temporal/access';
import { actOnOrder } from '../temporal/orders';
import { ticketsQuery } from '../temporal/visibility-query';
import { restaurantProcedure, router } from '../trpc';
import { orderActionSchema, scopedRequestId } from './inputs';
import { listPage } from './list-page';
import { staffSessionProcedures } from './staff-session';

/** Sends the kitchen's action; its request ids are the signed-in staff member's own. */
function actAsKitchen(
  ctx: { temporal: TemporalAccess; restaurantStaff: Staff },
  input: { orderId: string; requestId?: string },
  action: OrderAction,
) {
  return actOnOrder(ctx.temporal, {
    orderId: input.orderId,
    action,
    requestId: scopedRequestId(`restaurant:${ctx.restaurantStaff.id}`, input.requestId),
  });
}

export const restaurantRouter = router({
  ...staffSessionProcedures(STAFF_SITES.restaurant, 'staff', (ctx) => ctx.restaurantStaff),

  /** One Visibility call per page: the orders to answer, cook or hand to a driver. */
  getTickets: restaurantProcedure.input(boardPageSchema).query(async ({ ctx, input }) => {
    const { rows, nextCursor } = await listPage(ctx, ticketsQuery, input);
    return { tickets: rows, nextCursor };
  }),

  acceptOrder: restaurantProcedure
    .input(orderActionSchema.extend({ prepMinutes: prepMinutesSchema }))
    .mutation(({ ctx, input }) =>
      actAsKitchen(ctx, input, {
        action: 'accept',
        staff: ctx.restaurantStaff,
        prepMinutes: input.prepMinutes,
      }),
    ),

  rejectOrder: restaurantProcedure
    .input(orderActionSchema.extend({ reason: rejectReasonSchema }))
    .mutation(({ ctx, input }) =>
      actAsKitchen(ctx, input, {
        action: 'reject',
        staff: ctx.restaurantStaff,
        reason: input.reason,
      }),
    ),

  markReady: restaurantProcedure
    .input(orderActionSchema)
    .mutation(({ ctx, input }) =>
      actAsKitchen(ctx, input, { action: 'markReady', staff: ctx.restaurantStaff }),
    ),

  /** Rows the ticket list must add, update or drop, as orders change (the list is `getTickets`). */
  ticketUpdates: restaurantProcedure.subscription(({ ctx, signal }) =>
    changesOf(ctx.feed, concernsKitchen, signal),
  ),
});

export type RestaurantRouter = typeof restaurantRouter;
