/**
 * The order's activities by name, each doing nothing: what an order-shaped workflow then costs is
 * Temporal's alone (scheduling, dispatch, completion and their history events).
 */
export const noOpActivities = {
  async authorizePayment(): Promise<void> {},
  async capturePayment(): Promise<void> {},
  async sendPushNotification(): Promise<void> {},
};

export type NoOpActivities = typeof noOpActivities;
