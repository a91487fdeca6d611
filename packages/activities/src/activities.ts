import { Context } from '@temporalio/activity';
import type { PaymentMethodId } from '@delivery/common';
import type { OrderEvent, OrderEventPublisher } from '@delivery/events';
import type { NotificationChannel } from './notifications/channel';
import type { CancellationReason, PaymentsClient } from './payments-client';

export interface ChargeRequest {
  idempotencyKey: string;
  orderId: string;
  customerId: string;
  amountCents: number;
  paymentMethod: PaymentMethodId;
}

export interface HoldRequest {
  idempotencyKey: string;
  paymentIntentId: string;
}

export interface ReleaseRequest extends HoldRequest {
  reason: CancellationReason;
}

export interface RefundRequest {
  idempotencyKey: string;
  orderId: string;
  reason: string;
}

export interface NotificationRequest {
  idempotencyKey: string;
  customerId: string;
  orderId: string;
  event: string;
  message: string;
}

export interface ActivityDependencies {
  payments: PaymentsClient;
  notifications: NotificationChannel;
  /** Where the order's changes go for the sites' live pages. */
  events: OrderEventPublisher;
}

/**
 * Runs a call to the provider while heartbeating, so a dead worker is noticed within the
 * heartbeat timeout, and aborts the HTTP request when the activity is cancelled.
 */
async function heartbeating<T>(call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const context = Context.current();
  const beat = setInterval(() => context.heartbeat(), 1_000);
  try {
    return await call(context.cancellationSignal);
  } finally {
    clearInterval(beat);
  }
}

export function createActivities({ payments, notifications, events }: ActivityDependencies) {
  return {
    async chargeCustomer(request: ChargeRequest): Promise<{ chargeId: string }> {
      const charge = await heartbeating((signal) =>
        payments.createCharge(
          {
            amount: request.amountCents,
            paymentMethod: request.paymentMethod,
            orderId: request.orderId,
            customer: request.customerId,
          },
          request.idempotencyKey,
          signal,
        ),
      );
      return { chargeId: charge.id };
    },

    /** Holds the order's total on the card; nothing is taken until the capture. */
    async authorizePayment(request: ChargeRequest): Promise<{ paymentIntentId: string }> {
      const intent = await heartbeating((signal) =>
        payments.authorize(
          {
            amount: request.amountCents,
            paymentMethod: request.paymentMethod,
            orderId: request.orderId,
            customer: request.customerId,
          },
          request.idempotencyKey,
          signal,
        ),
      );
      return { paymentIntentId: intent.id };
    },

    /** Takes the held money. */
    async capturePayment(request: HoldRequest): Promise<{ chargeId: string | null }> {
      const intent = await heartbeating((signal) =>
        payments.capture(request.paymentIntentId, request.idempotencyKey, signal),
      );
      return { chargeId: intent.latest_charge };
    },

    /** Releases the hold: no money moves. */
    async releasePayment(request: ReleaseRequest): Promise<void> {
      await heartbeating((signal) =>
        payments.release(request.paymentIntentId, request.reason, request.idempotencyKey, signal),
      );
    },

    /**
     * Refunds whatever the provider holds for the order, found by order id rather than by a
     * charge id the caller may never have seen (a charge whose answer was lost still gets refunded).
     */
    refundOrder: (request: RefundRequest): Promise<{ refundIds: string[] }> =>
      heartbeating(async (signal) => {
        const charges = await payments.listCharges(request.orderId, signal);
        const refundIds: string[] = [];
        for (const charge of charges.filter((c) => c.status === 'succeeded')) {
          if (charge.refunded) {
            refundIds.push(...charge.refunds.data.map((refund) => refund.id));
            continue;
          }
          const refund = await payments.createRefund(
            { charge: charge.id, reason: request.reason },
            `${request.idempotencyKey}:${charge.id}`,
            signal,
          );
          refundIds.push(refund.id);
        }
        return { refundIds };
      }),

    async sendPushNotification(request: NotificationRequest): Promise<void> {
      await notifications.send(
        {
          id: request.idempotencyKey,
          customerId: request.customerId,
          orderId: request.orderId,
          event: request.event,
          message: request.message,
        },
        Context.current().cancellationSignal,
      );
    },

    /** The order's change, kept by the broker unless it already holds this version or a newer one. */
    async publishOrderEvent(event: OrderEvent): Promise<void> {
      await events.publish(event);
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
