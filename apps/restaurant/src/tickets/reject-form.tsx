'use client';

import { MAX_REJECT_REASON_LENGTH } from '@delivery/common';
import { Button } from '@delivery/ui/button';
import { TextField } from '@delivery/ui/field';
import { newId } from '@delivery/ui/lib/new-id';
import { useState } from 'react';
import { trpc } from '~/trpc';
import { ActionError } from './action-error';
import { shortId, ticketOutcome, type TicketActionProps } from './ticket-outcome';

/** Turns the order down, with a reason the customer reads; `onBack` keeps it after all. */
export function RejectForm(props: TicketActionProps & { onBack: () => void }) {
  const [reason, setReason] = useState('');
  const reject = trpc.rejectOrder.useMutation(
    ticketOutcome((order) => `Rejected ${order}.`, props),
  );
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        reject.mutate({ orderId: props.orderId, reason: reason.trim(), requestId: newId() });
      }}
    >
      <TextField
        label="Reason (the customer sees it)"
        name="reason"
        required
        autoFocus
        maxLength={MAX_REJECT_REASON_LENGTH}
        placeholder="e.g. We are out of rice tonight."
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        data-testid={`reject-reason-${props.orderId}`}
      />
      <div className="flex gap-2">
        <Button
          type="submit"
          variant="danger"
          className="flex-1"
          disabled={reason.trim() === ''}
          pending={reject.isPending}
          pendingLabel="Rejecting…"
          aria-label={`Reject order ${shortId(props.orderId)}`}
          data-testid={`confirm-reject-${props.orderId}`}
        >
          Reject order
        </Button>
        <Button variant="ghost" onClick={props.onBack} disabled={reject.isPending}>
          Back
        </Button>
      </div>
      <ActionError error={reject.error} />
    </form>
  );
}
