import type { ReactNode } from 'react';
import { Button } from './button';

interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** Asks a paged list for its next page, while there is one; `children` names what it loads. */
export function LoadMore({ query, children }: { query: PagedQuery; children: ReactNode }) {
  if (!query.hasNextPage) return null;
  return (
    <div className="mt-8 flex justify-center">
      <Button
        variant="secondary"
        pending={query.isFetchingNextPage}
        pendingLabel="Loading more…"
        onClick={() => void query.fetchNextPage()}
        data-testid="load-more"
      >
        {children}
      </Button>
    </div>
  );
}
