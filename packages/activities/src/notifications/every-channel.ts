import type { NotificationChannel, PushNotification } from './channel';

/**
 * Sends through each channel in turn. Each channel de-duplicates its own sends, so when one fails
 * and the activity is retried, the channels that already sent send nothing again.
 */
export class EveryChannel implements NotificationChannel {
  constructor(private readonly channels: readonly NotificationChannel[]) {}

  async send(notification: PushNotification, signal?: AbortSignal): Promise<void> {
    for (const channel of this.channels) await channel.send(notification, signal);
  }
}
