import { isTRPCClientError } from '@trpc/client';

/** The tRPC error code (CONFLICT, UNAUTHORIZED…) of an API error; undefined if it never got one. */
export function errorCode(error: unknown): string | undefined {
  if (!isTRPCClientError(error)) return undefined;
  return (error.data as { code?: string } | null | undefined)?.code;
}

/**
 * True for failures that go away by themselves: the API answering SERVICE_UNAVAILABLE while
 * Temporal restarts, or the request never reaching the API (network down, server restarting),
 * which shows up as a tRPC error without a code.
 */
export function isTransientError(error: unknown): boolean {
  if (error instanceof TypeError) return true;
  if (!isTRPCClientError(error)) return false;
  const code = errorCode(error);
  return code === undefined || code === 'SERVICE_UNAVAILABLE' || code === 'TIMEOUT';
}

const TRANSIENT_MESSAGE =
  'The service is not answering right now. It usually comes back within a minute.';

/**
 * What to tell a person. The API words its refusals and bad-input errors for people; a transient
 * failure names servers and ports (for developers), so people get a plain sentence instead.
 */
export function errorMessage(error: unknown): string {
  if (isTransientError(error)) return TRANSIENT_MESSAGE;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Please try again.';
}

/**
 * Retries an action the order has not answered yet (SERVICE_UNAVAILABLE), with the same variables
 * and so the same request id: the order applies it once, however often it arrives.
 */
export const retryUnanswered = (failures: number, error: unknown): boolean =>
  failures < 3 && errorCode(error) === 'SERVICE_UNAVAILABLE';
