'use client';

import { MAX_PREP_MINUTES } from '@delivery/common';
import { Button } from '@delivery/ui/button';
import { TextField } from '@delivery/ui/field';
import { newId } from '@delivery/ui/lib/new-id';
import { useState } from 'react';
import { trpc } from '~/trpc';
import { ActionError } from './action-error';
import { shortId, ticketOutcome, type TicketActionProps } from './ticket-outcome';

const DEFAULT_PREP_MINUTES = 15;

/** Takes the order, promising the customer when the food will be ready. */
export function AcceptForm(props: TicketActionProps) {
  const [minutes, setMinutes] = useState(String(DEFAULT_PREP_MINUTES));
  const accept = trpc.acceptOrder.useMutation(
    ticketOutcome((order) => `Accepted ${order}.`, props),
  );
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        accept.mutate({ orderId: props.orderId, prepMinutes: Number(minutes), requestId: newId() });
      }}
    >
      <div className="flex items-end gap-2">
        <div className="w-32 shrink-0">
          <TextField
            label="Prep minutes"
            name="prepMinutes"
            type="number"
            inputMode="numeric"
            required
            min={0}
            max={MAX_PREP_MINUTES}
            step={1}
            value={minutes}
            onChange={(event) => setMinutes(event.target.value)}
            data-testid={`prep-minutes-${props.orderId}`}
          />
        </div>
        <Button
          type="submit"
          className="flex-1"
          pending={accept.isPending}
          pendingLabel="Accepting…"
          aria-label={`Accept order ${shortId(props.orderId)}`}
          data-testid={`accept-${props.orderId}`}
        >
          Accept
        </Button>
      </div>
      <ActionError error={accept.error} />
    </form>
  );
}
