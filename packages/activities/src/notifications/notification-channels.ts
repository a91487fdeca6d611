import { PushSubscriptions, openAccountsDatabase } from '@delivery/accounts';
import type { NotificationChannel } from './channel';
import { EveryChannel } from './every-channel';
import { PushDeliveries } from './push-deliveries';
import { RecordingChannel } from './recording-channel';
import { SentNotifications } from './sent-notifications';
import { WebPushChannel, type VapidDetails } from './web-push-channel';

export interface NotificationSettings {
  /** NOTIFICATION_FAILURE_RATE: injected transient failures of the recording channel. */
  failureRate: number;
  /** The worker's durable record of what it sent. */
  notificationsDbPath: string;
  /** Web Push, when VAPID keys are configured: where subscriptions are and how to sign. */
  webPush: {
    vapid: VapidDetails;
    accountsDbPath: string;
    /** The push services subscriptions may point at; the worker posts to no other host. */
    serviceHosts: readonly string[];
  } | null;
}

/** The worker's channels: the recording channel always, Web Push beside it when configured. */
export function openNotificationChannels({
  failureRate,
  notificationsDbPath,
  webPush,
}: NotificationSettings): NotificationChannel {
  const recording = new RecordingChannel({
    failureRate,
    sent: new SentNotifications(notificationsDbPath),
  });
  if (!webPush) return recording;
  return new EveryChannel([
    recording,
    new WebPushChannel({
      vapid: webPush.vapid,
      serviceHosts: webPush.serviceHosts,
      subscriptions: new PushSubscriptions(openAccountsDatabase(webPush.accountsDbPath)),
      deliveries: new PushDeliveries(notificationsDbPath),
    }),
  ]);
}
