import { QueryClient } from '@tanstack/react-query';
import { isTransientError } from './api-errors';

/** Enough attempts, with the backoff below, to ride out a Temporal restart of a minute or two. */
const MAX_TRANSIENT_ATTEMPTS = 30;
const MAX_RETRY_DELAY_MS = 5_000;

export const retryDelay = (attempt: number): number =>
  Math.min(500 * 2 ** attempt, MAX_RETRY_DELAY_MS);

/** Queries retry what fixes itself and nothing else: a 4xx answer will not change on retry. */
function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  return isTransientError(error) && failureCount < MAX_TRANSIENT_ATTEMPTS;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetryQuery, retryDelay, staleTime: 5_000 },
      // An action that failed is reported to the person, who decides whether to try again.
      mutations: { retry: false },
    },
  });
}
