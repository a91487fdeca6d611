import { isTransientError } from './lib/api-errors';
import type { LiveState } from './lib/live-state';
import { ReconnectingNotice } from './reconnecting-notice';

const pill = 'inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-medium ring-1';

/**
 * "Live" while the subscription streams, "Reconnecting…" while it finds its way back, and
 * "Not live" if the server refused it (the page still works, it just stops updating itself).
 */
export function LiveIndicator({ status, error }: LiveState) {
  if (status === 'idle') return null;
  if (status === 'pending') {
    return (
      <span
        role="status"
        data-testid="live-indicator"
        data-live="live"
        className={`${pill} bg-emerald-50 text-emerald-800 ring-emerald-200`}
      >
        <span aria-hidden className="size-2 animate-pulse rounded-full bg-emerald-500" />
        Live
      </span>
    );
  }
  if (status === 'error' && !isTransientError(error)) {
    return (
      <span
        role="status"
        data-testid="live-indicator"
        data-live="off"
        title="Reload the page to get live updates again."
        className={`${pill} bg-stone-100 text-stone-700 ring-stone-300`}
      >
        <span aria-hidden className="size-2 rounded-full bg-stone-400" />
        Not live
      </span>
    );
  }
  return <ReconnectingNotice className="text-xs" />;
}
