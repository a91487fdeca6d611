import { TRPCError } from '@trpc/server';
import {
  isPushServiceEndpoint,
  pushEndpointRefSchema,
  pushSubscriptionSchema,
} from '@delivery/common';
import { customerProcedure, publicProcedure } from '../trpc';

/** The menu's Web Push procedures: the key to subscribe with, and the customer's subscriptions. */
export const pushProcedures = {
  /** The VAPID public key browsers subscribe with, or `null` when this server sends no pushes. */
  pushPublicKey: publicProcedure.query(({ ctx }) => ctx.config.pushPublicKey),

  /** Stores this browser's subscription for the customer; subscribing again refreshes it. */
  subscribePush: customerProcedure.input(pushSubscriptionSchema).mutation(({ ctx, input }) => {
    if (!ctx.config.pushPublicKey) {
      throw new TRPCError({
        code: 'PRECONDITION_FAILED',
        message: 'This server sends no push notifications (no VAPID key is configured).',
      });
    }
    if (!isPushServiceEndpoint(input.endpoint, ctx.config.pushServiceHosts)) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `The push endpoint is not on a push service this server sends to (${ctx.config.pushServiceHosts.join(', ')}).`,
      });
    }
    ctx.pushSubscriptions.add(ctx.customerId, input);
    return { subscribed: true };
  }),

  /** Forgets this browser's subscription; `removed` is false if the customer had none there. */
  unsubscribePush: customerProcedure.input(pushEndpointRefSchema).mutation(({ ctx, input }) => ({
    removed: ctx.pushSubscriptions.remove(ctx.customerId, input.endpoint),
  })),
};
