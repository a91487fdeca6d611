import { OrderSectionSkeleton } from '@delivery/ui/order-section';
import { LoadingRegion } from '@delivery/ui/skeleton';

/** Three columns of tickets, in the shape of what is loading. */
export function TicketsSkeleton() {
  return (
    <LoadingRegion label="Loading the tickets…">
      <div className="grid gap-8 lg:grid-cols-3">
        {[0, 1, 2].map((column) => (
          <OrderSectionSkeleton key={column} titleWidth="w-40" />
        ))}
      </div>
    </LoadingRegion>
  );
}
