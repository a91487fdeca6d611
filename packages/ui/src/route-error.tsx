'use client';

import { ErrorPanel } from './error-panel';

/** What a site's app/error.tsx shows when rendering a page throws. */
export function RouteError({ error, reset }: { error: Error; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl py-10">
      <ErrorPanel error={error} title="This page hit a problem" onRetry={reset} />
    </div>
  );
}
