import { createHash } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import webPush from 'web-push';
import type { PushSubscriptions, StoredPushSubscription } from '@delivery/accounts';
import { isPushServiceEndpoint, type PushMessage } from '@delivery/common';
import type { NotificationChannel, PushNotification } from './channel';
import type { PushDeliveries } from './push-deliveries';

/** The server's identity to push services (RFC 8292): its key pair and a contact. */
export interface VapidDetails {
  /** `mailto:` or `https:`: whom a push service contacts about this sender. */
  subject: string;
  publicKey: string;
  privateKey: string;
}

export interface WebPushChannelOptions {
  vapid: VapidDetails;
  serviceHosts: readonly string[];
  subscriptions: PushSubscriptions;
  deliveries: PushDeliveries;
  log?: (line: string) => void;
}

/** An offline phone still hears about its order within the hour; later news is stale. */
const TTL_SECONDS = 60 * 60;
/** Under the activity's 5 s start-to-close timeout, so a hung push service is a retried attempt. */
const REQUEST_TIMEOUT_MS = 4_000;

/** A push service's answer that another attempt may change: throttled, down or unreachable. */
export class PushServiceUnavailableError extends Error {
  constructor(origin: string, reason: string) {
    super(`The push service at ${origin} is unavailable: ${reason}`);
    this.name = 'PushServiceUnavailableError';
  }
}

const isRetryableStatus = (status: number) => status === 408 || status === 429 || status >= 500;

/**
 * A push service collapses pending messages with one topic, so a message sent again (a worker that
 * crashed before recording the first) replaces its twin instead of arriving twice.
 */
const topicOf = (notificationId: string) =>
  createHash('sha256').update(notificationId).digest('base64url').slice(0, 32);

/**
 * Sends each notification by Web Push to every browser its customer subscribed, encrypted for each
 * (aes128gcm) and signed with the server's VAPID key. A subscription the push service says is gone
 * (404, 410) is deleted; an unavailable push service fails the attempt so Temporal retries it, and
 * only the browsers not yet reached get the retry.
 */
export class WebPushChannel implements NotificationChannel {
  private readonly vapid: VapidDetails;
  private readonly serviceHosts: readonly string[];
  private readonly subscriptions: PushSubscriptions;
  private readonly deliveries: PushDeliveries;
  private readonly log: (line: string) => void;

  constructor({
    vapid,
    serviceHosts,
    subscriptions,
    deliveries,
    log = console.log,
  }: WebPushChannelOptions) {
    // Signs a throwaway token: bad keys or a bad subject stop the worker at startup, not each send.
    webPush.getVapidHeaders(
      'https://push.invalid',
      vapid.subject,
      vapid.publicKey,
      vapid.privateKey,
      'aes128gcm',
    );
    this.vapid = vapid;
    this.serviceHosts = serviceHosts;
    this.subscriptions = subscriptions;
    this.deliveries = deliveries;
    this.log = log;
  }

  async send(notification: PushNotification, signal?: AbortSignal): Promise<void> {
    const pending = this.subscriptions
      .list(notification.customerId)
      .filter(({ endpoint }) => this.onAPushService(endpoint))
      .filter(({ endpoint }) => !this.deliveries.delivered(notification.id, endpoint));
    const results = await Promise.allSettled(
      pending.map((subscription) => this.deliver(notification, subscription, signal)),
    );
    const failures = results.flatMap((result) =>
      result.status === 'rejected' ? [result.reason as Error] : [],
    );
    // One retryable failure retries the lot: those already reached are skipped next time.
    const failure =
      failures.find((error) => !(error instanceof ApplicationFailure)) ?? failures.at(0);
    if (failure) throw failure;
  }

  /**
   * The menu refuses other endpoints; one stored before the list changed is forgotten unsent, so
   * no setting change can turn the worker into a client of arbitrary hosts.
   */
  private onAPushService(endpoint: string): boolean {
    if (isPushServiceEndpoint(endpoint, this.serviceHosts)) return true;
    this.subscriptions.removeEndpoint(endpoint);
    this.log(`[push] ${new URL(endpoint).host} is not a push service we send to; removed it`);
    return false;
  }

  private async deliver(
    notification: PushNotification,
    subscription: StoredPushSubscription,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const { endpoint } = subscription;
    // The endpoint is a capability URL: logs and errors name its push service only.
    const origin = new URL(endpoint).origin;
    const response = await this.post(notification, subscription, signal).catch((error: unknown) => {
      throw new PushServiceUnavailableError(
        origin,
        error instanceof Error ? error.message : String(error),
      );
    });
    const answer = await response.text();
    if (response.ok) {
      this.deliveries.record(notification.id, endpoint);
    } else if (response.status === 404 || response.status === 410) {
      this.subscriptions.removeEndpoint(endpoint);
      this.log(`[push] ${origin} says a subscription is gone (${response.status}); removed it`);
    } else if (isRetryableStatus(response.status)) {
      throw new PushServiceUnavailableError(origin, `${response.status} ${answer}`.trim());
    } else {
      // Our request is wrong for this push service (keys, size, VAPID): the same request fails again.
      throw ApplicationFailure.nonRetryable(
        `The push service at ${origin} refused the notification: ${response.status} ${answer}`.trim(),
        'PushRefused',
      );
    }
  }

  private post(
    { id, orderId, event, message }: PushNotification,
    { endpoint, keys }: StoredPushSubscription,
    signal: AbortSignal | undefined,
  ): Promise<Response> {
    const payload: PushMessage = { orderId, event, message, url: `/orders/${orderId}` };
    // web-push encrypts and signs; the request is ours, so it can be aborted with the activity.
    const request = webPush.generateRequestDetails({ endpoint, keys }, JSON.stringify(payload), {
      vapidDetails: this.vapid,
      TTL: TTL_SECONDS,
      topic: topicOf(id),
    });
    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    return fetch(request.endpoint, {
      method: request.method,
      // fetch sets the body's length itself.
      headers: Object.entries(request.headers)
        .filter(([name]) => name.toLowerCase() !== 'content-length')
        .map(([name, value]): [string, string] => [name, String(value)]),
      body: new Uint8Array(request.body),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  }
}
