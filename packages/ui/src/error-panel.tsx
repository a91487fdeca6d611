import { Button } from './button';
import { errorMessage, isTransientError } from './lib/api-errors';
import { cx } from './lib/cx';

export interface ErrorPanelProps {
  error: unknown;
  /** What did not work, e.g. "The menu did not load". */
  title?: string;
  onRetry?: () => void;
}

/** A failure that retrying on its own did not fix, with a button to try once more. */
export function ErrorPanel({ error, title = 'This did not load', onRetry }: ErrorPanelProps) {
  const transient = isTransientError(error);
  return (
    <div
      role="alert"
      data-testid="error-panel"
      className={cx(
        'flex flex-col items-start gap-3 rounded-2xl bg-white p-5 ring-1',
        transient ? 'ring-amber-300' : 'ring-red-200',
      )}
    >
      <h2 className={cx('font-semibold', transient ? 'text-amber-900' : 'text-red-800')}>
        {transient ? 'Cannot reach the service' : title}
      </h2>
      <p className="text-sm text-stone-700">{errorMessage(error)}</p>
      {onRetry && (
        <Button variant="secondary" size="sm" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}
