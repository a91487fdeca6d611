import type { Context } from '../context';
import { TooManyOrdersError } from '../order-rate-limit';

/**
 * Counts a `createOrder` call against the order limits before anything starts; over a limit, the
 * 429 also says in `Retry-After` when to try again. Each call of a batch counts on its own.
 */
export async function admitOrder(
  ctx: Pick<Context, 'orderRateLimit' | 'clientAddress' | 'resHeaders'> & { customerId: string },
): Promise<void> {
  try {
    await ctx.orderRateLimit.admit(ctx.customerId, ctx.clientAddress);
  } catch (error) {
    if (error instanceof TooManyOrdersError)
      ctx.resHeaders.set('Retry-After', String(error.retryAfterSeconds));
    throw error;
  }
}
