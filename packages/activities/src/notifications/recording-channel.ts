import type { NotificationChannel, PushNotification } from './channel';

export class TransientNotificationError extends Error {
  constructor() {
    super('The push service is temporarily unavailable (injected fault).');
    this.name = 'TransientNotificationError';
  }
}

/** Records each notification in the log, failing transiently at `failureRate` (0 to 1). */
export class RecordingChannel implements NotificationChannel {
  readonly sent = new Map<string, PushNotification>();

  constructor(
    private readonly failureRate: number,
    private readonly log: (line: string) => void = console.log,
  ) {}

  async send(notification: PushNotification): Promise<void> {
    if (Math.random() < this.failureRate) throw new TransientNotificationError();
    if (this.sent.has(notification.id)) return;
    this.sent.set(notification.id, notification);
    this.log(`[notify] ${notification.orderId} ${notification.event}: ${notification.message}`);
  }
}
