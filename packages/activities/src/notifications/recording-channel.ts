import type { NotificationChannel, PushNotification } from './channel';
import { SentNotifications } from './sent-notifications';

export class TransientNotificationError extends Error {
  constructor() {
    super('The push service is temporarily unavailable (injected fault).');
    this.name = 'TransientNotificationError';
  }
}

export interface RecordingChannelOptions {
  /** Probability (0 to 1) that a send fails transiently, as a flaky push service would. */
  failureRate?: number;
  /** Where a sent notification appears: the worker's log by default. */
  log?: (line: string) => void;
  /** The durable record of sends (NOTIFICATIONS_DB_PATH); in memory when not given. */
  sent?: SentNotifications;
}

/**
 * "Delivers" each notification by writing it to the log, once per id for as long as `sent`
 * lives. The send is claimed in the record before it is written, so a crash in between loses
 * that log line rather than writing it twice.
 */
export class RecordingChannel implements NotificationChannel {
  private readonly failureRate: number;
  private readonly log: (line: string) => void;
  private readonly sent: SentNotifications;

  constructor({ failureRate = 0, log = console.log, sent }: RecordingChannelOptions = {}) {
    this.failureRate = failureRate;
    this.log = log;
    this.sent = sent ?? new SentNotifications(':memory:');
  }

  async send(notification: PushNotification): Promise<void> {
    if (Math.random() < this.failureRate) throw new TransientNotificationError();
    if (!this.sent.claim(notification)) return;
    this.log(`[notify] ${notification.orderId} ${notification.event}: ${notification.message}`);
  }
}
