import type { OrderSummary } from '@delivery/common';
import { Card } from '@delivery/ui/card';
import { OrderLines } from '@delivery/ui/order-lines';
import { TicketActions } from './ticket-actions';
import { shortId, type TicketActionProps } from './ticket-outcome';
import { TicketTiming } from './ticket-timing';

type TicketCardProps = { ticket: OrderSummary } & Omit<TicketActionProps, 'orderId'>;

/** One ticket at the pass: what to cook, how long it has waited, and what it waits for. */
export function TicketCard({ ticket, onDone, onRefused }: TicketCardProps) {
  const headingId = `ticket-${ticket.orderId}`;
  return (
    <Card
      as="li"
      className="flex animate-fade-in flex-col gap-4 p-4"
      data-testid={`ticket-${ticket.orderId}`}
      data-state={ticket.state}
      aria-labelledby={headingId}
    >
      <div>
        <h3 id={headingId} className="font-semibold">
          Order {shortId(ticket.orderId)}
        </h3>
        <TicketTiming ticket={ticket} />
      </div>
      <OrderLines lines={ticket.lines} totalCents={ticket.totalCents} />
      <TicketActions
        ticket={ticket}
        orderId={ticket.orderId}
        onDone={onDone}
        onRefused={onRefused}
      />
    </Card>
  );
}
