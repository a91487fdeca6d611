import type { OrderSummary } from '@delivery/common';
import { EmptyState } from '@delivery/ui/empty-state';
import { TicketCard } from './ticket-card';
import type { TicketActionProps } from './ticket-outcome';

interface TicketColumnProps extends Omit<TicketActionProps, 'orderId'> {
  id: string;
  title: string;
  tickets: readonly OrderSummary[];
  empty: string;
}

/** The tickets in one state, with their count, or a note of what will appear here. */
export function TicketColumn({ id, title, tickets, empty, ...actions }: TicketColumnProps) {
  return (
    <section aria-labelledby={`${id}-heading`} data-testid={`section-${id}`}>
      <h2 id={`${id}-heading`} className="mb-3 flex items-center gap-2 text-lg font-bold">
        {title}
        <span className="rounded-full bg-stone-200 px-2 py-0.5 text-xs font-semibold text-stone-800 tabular-nums">
          {tickets.length}
        </span>
      </h2>
      {tickets.length === 0 ? (
        <EmptyState title="Nothing here right now">{empty}</EmptyState>
      ) : (
        <ul className="grid items-start gap-4">
          {tickets.map((ticket) => (
            <TicketCard key={ticket.orderId} ticket={ticket} {...actions} />
          ))}
        </ul>
      )}
    </section>
  );
}
