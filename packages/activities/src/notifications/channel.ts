export interface PushNotification {
  /** Stable per order and event, so a retried send is recognisably the same notification. */
  id: string;
  customerId: string;
  orderId: string;
  event: string;
  message: string;
}

/** Where push notifications go: the recording channel, and Web Push beside it when configured. */
export interface NotificationChannel {
  /** `signal` aborts the send when the activity is cancelled. */
  send(notification: PushNotification, signal?: AbortSignal): Promise<void>;
}
