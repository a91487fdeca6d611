import type { OrderSummary } from '@delivery/common';
import { OrderSection } from '@delivery/ui/order-section';
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
    <OrderSection
      id={id}
      title={title}
      orders={tickets}
      empty={empty}
      renderOrder={(ticket) => <TicketCard key={ticket.orderId} ticket={ticket} {...actions} />}
    />
  );
}
