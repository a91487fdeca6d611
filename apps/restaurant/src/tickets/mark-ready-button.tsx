'use client';

import { Button } from '@delivery/ui/button';
import { newId } from '@delivery/ui/lib/new-id';
import { trpc } from '~/trpc';
import { ActionError } from './action-error';
import { shortId, ticketOutcome, type TicketActionProps } from './ticket-outcome';

/** The food is at the pass: drivers may pick it up. */
export function MarkReadyButton(props: TicketActionProps) {
  const markReady = trpc.markReady.useMutation(
    ticketOutcome((order) => `Marked ${order} ready for pickup.`, props),
  );
  return (
    <div className="space-y-2">
      <Button
        className="w-full"
        pending={markReady.isPending}
        pendingLabel="Marking ready…"
        aria-label={`Mark order ${shortId(props.orderId)} ready for pickup`}
        data-testid={`mark-ready-${props.orderId}`}
        onClick={() => markReady.mutate({ orderId: props.orderId, requestId: newId() })}
      >
        Ready for pickup
      </Button>
      <ActionError error={markReady.error} />
    </div>
  );
}
