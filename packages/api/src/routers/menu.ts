import {
  CATALOG,
  DEFAULT_PAYMENT_METHOD,
  createOrderSchema,
  priceItems,
  rateOrderSchema,
} from '@delivery/common';
import { changesOf } from '../live/change-queue';
import { watchOrder } from '../live/order-watch';
import { actOnOrder, listOrders, orderStatus, placeOrder } from '../temporal/orders';
import { customerOrdersQuery } from '../temporal/visibility-query';
import { customerProcedure, publicProcedure, router, withClientErrors } from '../trpc';
import { orderActionSchema, orderRefSchema, scopedRequestId } from './inputs';
import { admitOrder } from './order-admission';
import { pushProcedures } from './push';

const MY_ORDERS_LIMIT = 50;

export const menuRouter = router({
  products: publicProcedure.query(() => CATALOG),

  createOrder: customerProcedure.input(createOrderSchema).mutation(async ({ ctx, input }) => {
    await admitOrder(ctx);
    const { orderWindows: windows, taskQueue } = ctx.config;
    await placeOrder(
      ctx.temporal,
      {
        orderId: input.orderId,
        customerId: ctx.customerId,
        ...priceItems(input.items),
        paymentMethod: input.paymentMethod ?? DEFAULT_PAYMENT_METHOD,
        ...(Object.keys(windows).length > 0 ? { windows } : {}),
      },
      { taskQueue },
    );
    return { orderId: input.orderId };
  }),

  getOrderStatus: customerProcedure
    .input(orderRefSchema)
    .query(({ ctx, input }) => orderStatus(ctx.temporal, input.orderId, ctx.customerId)),

  /** One Visibility call, newest first: the list never asks each order. */
  myOrders: customerProcedure.query(async ({ ctx }) => {
    const { orders } = await listOrders(ctx.temporal, {
      query: customerOrdersQuery(ctx.customerId),
      pageSize: MY_ORDERS_LIMIT,
    });
    return orders.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }),

  cancelOrder: customerProcedure.input(orderActionSchema).mutation(({ ctx, input }) =>
    actOnOrder(ctx.temporal, {
      orderId: input.orderId,
      action: { action: 'cancel' },
      requestId: scopedRequestId(`customer:${ctx.customerId}`, input.requestId),
      customerId: ctx.customerId,
    }),
  ),

  rateOrder: customerProcedure.input(rateOrderSchema).mutation(({ ctx, input }) => {
    const { orderId, stars, comment, requestId } = input;
    return actOnOrder(ctx.temporal, {
      orderId,
      action: { action: 'rate', rating: comment ? { stars, comment } : { stars } },
      requestId: scopedRequestId(`customer:${ctx.customerId}`, requestId),
      customerId: ctx.customerId,
    });
  }),

  /** The order's status now, then after every change; ends when the order has ended. */
  orderUpdates: customerProcedure
    .input(orderRefSchema)
    .subscription(({ ctx, input, signal }) =>
      withClientErrors(
        watchOrder(ctx.feed, { orderId: input.orderId, customerId: ctx.customerId, signal }),
      ),
    ),

  /** Rows of this customer's orders as they change (the list itself comes from `myOrders`). */
  myOrderUpdates: customerProcedure.subscription(({ ctx, signal }) =>
    changesOf(ctx.feed, (row) => row.customerId === ctx.customerId, signal),
  ),

  ...pushProcedures,
});

export type MenuRouter = typeof menuRouter;
