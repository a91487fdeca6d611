import { boardPageSchema, signInSchema } from '@delivery/common';
import { concernsBoard } from '../live/board';
import { changesOf } from '../live/change-queue';
import { cursorOf, pageTokenOf } from '../session/cursor';
import { endDriverSession, startDriverSession } from '../session/driver';
import { driverIdOf } from '../session/driver-id';
import { checkDriverPasscode } from '../session/passcode';
import { actOnOrder, listOrders } from '../temporal/orders';
import { boardQuery } from '../temporal/visibility-query';
import { driverProcedure, publicProcedure, router } from '../trpc';
import { orderActionSchema, scopedRequestId } from './inputs';

const BOARD_PAGE_SIZE = 25;

export const driverRouter = router({
  signIn: publicProcedure.input(signInSchema).mutation(({ ctx, input }) => {
    checkDriverPasscode(input.passcode, ctx.config.driverPasscode);
    const driver = { id: driverIdOf(input.name), name: input.name };
    startDriverSession(ctx.resHeaders, driver, ctx.config.sessionSecret);
    return { driver };
  }),

  signOut: publicProcedure.mutation(({ ctx }) => {
    endDriverSession(ctx.resHeaders);
    return { driver: null };
  }),

  me: publicProcedure.query(({ ctx }) => ctx.driver),

  /** One Visibility call per page: orders waiting for a driver, and this driver's own. */
  getOrders: driverProcedure.input(boardPageSchema).query(async ({ ctx, input }) => {
    const secret = ctx.config.sessionSecret;
    const page = await listOrders(ctx.temporal, {
      query: boardQuery(ctx.driver.id),
      pageSize: input?.limit ?? BOARD_PAGE_SIZE,
      pageToken: input?.cursor ? pageTokenOf(input.cursor, secret) : undefined,
    });
    return {
      orders: page.orders,
      nextCursor: page.nextPageToken ? cursorOf(page.nextPageToken, secret) : null,
    };
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
