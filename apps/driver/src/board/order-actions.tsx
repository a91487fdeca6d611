'use client';

import type { OrderStatus, OrderSummary } from '@delivery/common';
import { Button } from '@delivery/ui/button';
import { errorCode, errorMessage, retryUnanswered } from '@delivery/ui/lib/api-errors';
import { newId } from '@delivery/ui/lib/new-id';
import { summaryOf } from '@delivery/ui/lib/order-rows';
import { toast } from 'sonner';
import { trpc } from '~/trpc';

export interface OrderActionProps {
  orderId: string;
  /** Shows the outcome on the board at once, before the live feed reports it. */
  onDone: (rows: readonly OrderSummary[]) => void;
  /** The board was behind the order (it was refused as taken or gone): load it again. */
  onRefused: () => void;
}

/** A toast with the workflow's answer: "Picked up order …", or its refusal as it worded it. */
function outcome(done: string, { orderId, onDone, onRefused }: OrderActionProps) {
  return {
    retry: retryUnanswered,
    onSuccess: (status: OrderStatus) => {
      onDone([summaryOf(status)]);
      toast.success(`${done} order ${orderId.slice(0, 8)}.`);
    },
    onError: (error: unknown) => {
      toast.error(errorMessage(error));
      if (errorCode(error) === 'CONFLICT') onRefused();
    },
  };
}

export function PickUpButton(props: OrderActionProps) {
  const pickUp = trpc.pickUp.useMutation(outcome('Picked up', props));
  return (
    <Button
      className="w-full"
      pending={pickUp.isPending}
      pendingLabel="Picking up…"
      aria-label={`Pick up order ${props.orderId.slice(0, 8)}`}
      data-testid={`pick-up-${props.orderId}`}
      onClick={() => pickUp.mutate({ orderId: props.orderId, requestId: newId() })}
    >
      Pick up
    </Button>
  );
}

export function DeliverButton(props: OrderActionProps) {
  const deliver = trpc.deliver.useMutation(outcome('Delivered', props));
  return (
    <Button
      className="w-full"
      pending={deliver.isPending}
      pendingLabel="Delivering…"
      aria-label={`Deliver order ${props.orderId.slice(0, 8)}`}
      data-testid={`deliver-${props.orderId}`}
      onClick={() => deliver.mutate({ orderId: props.orderId, requestId: newId() })}
    >
      Mark delivered
    </Button>
  );
}
