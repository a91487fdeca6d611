'use client';

import type { OrderSummary } from '@delivery/common';
import { Button } from '@delivery/ui/button';
import { useState } from 'react';
import { AcceptForm } from './accept-form';
import { MarkReadyButton } from './mark-ready-button';
import { RejectForm } from './reject-form';
import type { TicketActionProps } from './ticket-outcome';

/**
 * What the kitchen can do with a ticket: accept a new one or mark a cooking one ready, and reject
 * either (with a reason) while the food has not gone to the pass. A ready ticket waits for a driver.
 */
export function TicketActions({ ticket, ...props }: { ticket: OrderSummary } & TicketActionProps) {
  const [rejecting, setRejecting] = useState(false);
  if (ticket.state === 'Ready for pickup') return null;
  if (rejecting) return <RejectForm {...props} onBack={() => setRejecting(false)} />;
  return (
    <div className="space-y-2">
      {ticket.state === 'Preparing' ? <MarkReadyButton {...props} /> : <AcceptForm {...props} />}
      <Button
        variant="dangerOutline"
        size="sm"
        className="w-full"
        onClick={() => setRejecting(true)}
        data-testid={`reject-${ticket.orderId}`}
      >
        {ticket.state === 'Preparing' ? 'Cannot make it? Reject…' : 'Reject…'}
      </Button>
    </div>
  );
}
