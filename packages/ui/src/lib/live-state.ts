/** The states of a tRPC subscription (useSubscription's `status`). */
export type LiveStatus = 'idle' | 'connecting' | 'pending' | 'error';

export interface LiveState {
  status: LiveStatus;
  error: unknown;
}

/**
 * The part of a tRPC subscription result a page shows. tRPC re-renders only for the fields read
 * while rendering, so they are read here, every render, not only once the page has data to show.
 */
export function liveState(subscription: LiveState): LiveState {
  return { status: subscription.status, error: subscription.error };
}
