import { expect } from 'vitest';
import { TRPCError } from '@trpc/server';
import type { OrderState, OrderStatus } from '@delivery/common';
import type { customer } from './actors';

/** Polls `read` until `done` holds, failing with the last value after `timeoutMs`. */
export async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = 30_000, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`${what} not reached within ${timeoutMs} ms; last: ${JSON.stringify(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

export const waitForState = (
  who: ReturnType<typeof customer>,
  orderId: string,
  state: OrderState,
  timeoutMs?: number,
): Promise<OrderStatus> =>
  waitFor(
    () => who.menu.getOrderStatus({ orderId }),
    (status) => status.state === state,
    { timeoutMs, what: `state ${state}` },
  );

/** Expects the call to fail with this tRPC code and a message matching `message`. */
export async function expectError(
  call: Promise<unknown>,
  code: TRPCError['code'],
  message?: RegExp | string,
): Promise<TRPCError> {
  const error = await call.then(
    () => expect.unreachable(`expected ${code}, but the call succeeded`),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const trpcError = error as TRPCError;
  expect({ code: trpcError.code, message: trpcError.message }).toMatchObject({ code });
  if (message !== undefined) expect(trpcError.message).toMatch(message);
  return trpcError;
}
