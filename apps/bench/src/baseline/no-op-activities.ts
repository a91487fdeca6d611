import type { OrderStatus } from '@delivery/common';

/**
 * The order's activities by name, each doing nothing: what an order-shaped workflow then costs is
 * Temporal's alone (scheduling, dispatch, completion and their history events).
 */
export const noOpActivities = {
  async authorizePayment(): Promise<void> {},
  async capturePayment(): Promise<void> {},
  async sendPushNotification(): Promise<void> {},
  /** Takes the order's event (its whole status), so the ceiling's history carries what the order's does. */
  async publishOrderEvent(_event: {
    orderId: string;
    version: number;
    status: OrderStatus;
  }): Promise<void> {},
};

export type NoOpActivities = typeof noOpActivities;
