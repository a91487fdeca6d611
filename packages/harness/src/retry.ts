import { GRPC, OrderNotAnsweringError, grpcCode } from '@delivery/workflows/client';

/** gRPC codes a client sees while the Temporal server restarts. */
const RESTARTING: readonly (number | undefined)[] = [GRPC.deadlineExceeded, GRPC.unavailable];

/**
 * Whether `error` (or any error it wraps) means "the server was not there" or "no worker answered
 * yet", not "the server said no".
 */
export function isTransient(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause)
    if (current instanceof OrderNotAnsweringError) return true;
  return RESTARTING.includes(grpcCode(error));
}

/** Calls `fn` until it settles with anything `again` does not accept, for at most `timeoutMs`. */
export async function retryWhile<T>(
  again: (error: unknown) => boolean,
  fn: () => Promise<T>,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if (!again(error) || Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/** Calls `fn` until it settles with anything but a transient error, for at most `timeoutMs`. */
export const retryTransient = <T>(fn: () => Promise<T>, timeoutMs?: number): Promise<T> =>
  retryWhile(isTransient, fn, timeoutMs);
