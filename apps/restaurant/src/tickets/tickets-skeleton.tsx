import { Card } from '@delivery/ui/card';
import { LoadingRegion, Skeleton } from '@delivery/ui/skeleton';

/** Three columns of tickets, in the shape of what is loading. */
export function TicketsSkeleton() {
  return (
    <LoadingRegion label="Loading the tickets…">
      <div className="grid gap-8 lg:grid-cols-3">
        {[0, 1, 2].map((column) => (
          <div key={column} className="space-y-4">
            <Skeleton className="h-7 w-40" />
            <Card className="space-y-3 p-4">
              <Skeleton className="h-5 w-1/2" />
              <Skeleton className="h-16" />
              <Skeleton className="h-11" />
            </Card>
          </div>
        ))}
      </div>
    </LoadingRegion>
  );
}
