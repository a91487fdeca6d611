import type { ReactNode } from 'react';
import { ErrorPanel } from './error-panel';
import { isTransientError } from './lib/api-errors';
import { ReconnectingNotice } from './reconnecting-notice';

/** The parts of a TanStack query result (plain or infinite) this view needs. */
export interface QueryLike<TData> {
  data: TData | undefined;
  error: unknown;
  failureReason: unknown;
  isFetching: boolean;
  refetch: () => unknown;
}

export interface QueryViewProps<TData> {
  query: QueryLike<TData>;
  /** Skeletons in the shape of the content. */
  loading: ReactNode;
  errorTitle?: string;
  children: (data: TData) => ReactNode;
}

/**
 * Every query's three faces: skeletons while loading, the content once there, and an error
 * panel with a retry button. A transient failure being retried reads "Reconnecting…" instead.
 */
export function QueryView<TData>({ query, loading, errorTitle, children }: QueryViewProps<TData>) {
  const reconnecting = query.isFetching && isTransientError(query.failureReason);
  if (query.data !== undefined) {
    return (
      <>
        {reconnecting && <ReconnectingNotice className="mb-4" />}
        {children(query.data)}
      </>
    );
  }
  if (query.error && !query.isFetching) {
    return (
      <ErrorPanel error={query.error} title={errorTitle} onRetry={() => void query.refetch()} />
    );
  }
  return (
    <>
      {reconnecting && <ReconnectingNotice className="mb-4" />}
      {loading}
    </>
  );
}
