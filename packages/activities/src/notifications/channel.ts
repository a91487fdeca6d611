export interface PushNotification {
  /** Stable per order and event, so a retried send is recognisably the same notification. */
  id: string;
  customerId: string;
  orderId: string;
  event: string;
  message: string;
}

/** Where push notifications go. The default records them; a Web Push channel can replace it. */
export interface NotificationChannel {
  send(notification: PushNotification): Promise<void>;
}
