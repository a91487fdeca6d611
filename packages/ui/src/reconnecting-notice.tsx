import { cx } from './lib/cx';
import { Spinner } from './spinner';

/** Shown while a transient failure (Temporal restarting, network blip) is being retried. */
export function ReconnectingNotice({ className }: { className?: string }) {
  return (
    <p
      role="status"
      className={cx(
        'inline-flex items-center gap-2 rounded-full bg-amber-100 px-3 py-1 text-sm font-medium text-amber-900',
        className,
      )}
    >
      <Spinner />
      Reconnecting…
    </p>
  );
}
