import type { OrderSummary } from '@delivery/common';
import { Countdown } from '@delivery/ui/countdown';
import { formatClock } from '@delivery/ui/lib/format-time';
import { TimeAgo } from '@delivery/ui/time-ago';

/** How long the ticket has waited, and, once accepted, when the food is due or since when ready. */
export function TicketTiming({ ticket }: { ticket: OrderSummary }) {
  return (
    <div className="text-sm text-stone-600">
      <p>
        Placed <TimeAgo at={ticket.createdAt} className="font-medium text-stone-800" />
      </p>
      {ticket.state === 'Preparing' && ticket.readyAt && (
        <p data-testid="ready-at">
          Due at{' '}
          <time dateTime={ticket.readyAt} className="font-medium text-stone-800">
            {formatClock(ticket.readyAt)}
          </time>{' '}
          · <Countdown to={ticket.readyAt} className="font-medium tabular-nums" />
        </p>
      )}
      {ticket.state === 'Ready for pickup' && (
        <p>
          Ready <TimeAgo at={ticket.updatedAt} />, waiting for a driver
        </p>
      )}
    </div>
  );
}
