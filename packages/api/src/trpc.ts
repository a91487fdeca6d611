import { TRPCError, getTRPCErrorFromUnknown, initTRPC } from '@trpc/server';
import { z } from 'zod';
import { MAX_REQUEST_BYTES } from './api-route';
import type { Context } from './context';
import { toClientError } from './errors';

/**
 * Plain JSON, no transformer: every procedure can be called with curl. Live pages get a ping every
 * 10 s, and their client reconnects by itself if a stream falls silent (a proxy dropped it).
 */
const t = initTRPC.context<Context>().create({
  sse: {
    ping: { enabled: true, intervalMs: 10_000 },
    client: { reconnectAfterInactivityMs: 25_000 },
  },
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof z.ZodError ? z.flattenError(error.cause) : null;
    // tRPC refuses an oversized body before any procedure runs, with no message but its code.
    const message =
      error.code === 'PAYLOAD_TOO_LARGE'
        ? `A request may carry at most ${MAX_REQUEST_BYTES / 1_000_000} MB.`
        : shape.message;
    return { ...shape, message, data: { ...shape.data, zodError } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Temporal's errors and bad input become errors a person can act on, never a 500. */
const clientErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw toClientError(result.error);
  return result;
});

export const publicProcedure = t.procedure.use(clientErrors);

/**
 * The menu's context always has a customer: a request without a valid cookie is served as a new
 * one. Only a context not made by the menu site lacks it, which is a bug.
 */
export const customerProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.customerId) throw new Error('A customer procedure was called outside the menu site.');
  return next({ ctx: { customerId: ctx.customerId } });
});

const signInFirst = () => new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first.' });

export const driverProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.driver) throw signInFirst();
  return next({ ctx: { driver: ctx.driver } });
});

export const restaurantProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.restaurantStaff) throw signInFirst();
  return next({ ctx: { restaurantStaff: ctx.restaurantStaff } });
});

/** A subscription fails after its middleware has returned, so its errors are mapped here. */
export async function* withClientErrors<T>(source: AsyncGenerator<T>): AsyncGenerator<T> {
  try {
    yield* source;
  } catch (error) {
    throw toClientError(getTRPCErrorFromUnknown(error));
  }
}
