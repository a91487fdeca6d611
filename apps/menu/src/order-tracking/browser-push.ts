import type { PushSubscriptionInput } from '@delivery/common';

/** The service worker that shows pushes (apps/menu/public): same origin, scope the whole site. */
const SERVICE_WORKER = '/push-sw.js';

/** Why this browser cannot get notifications from the site, or `null` if it can. */
export function pushUnsupportedReason(): string | null {
  if (!window.isSecureContext) {
    return 'Notifications need a secure (https) connection to this site.';
  }
  if (
    !('serviceWorker' in navigator) ||
    !('PushManager' in window) ||
    !('Notification' in window)
  ) {
    return 'This browser cannot show notifications from websites. On an iPhone or iPad, add this site to your Home Screen first.';
  }
  return null;
}

const fromBase64Url = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0));

const sameKey = (a: ArrayBuffer | null, b: Uint8Array) =>
  a !== null && a.byteLength === b.length && new Uint8Array(a).every((byte, i) => byte === b[i]);

/** This browser's subscription for the site, if it has one. */
export async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration('/');
  return (await registration?.pushManager.getSubscription()) ?? null;
}

/**
 * Registers the service worker and subscribes with the server's key. A subscription made with an
 * older key (the server's keys were rotated) cannot receive, so it is replaced.
 */
export async function subscribeThisBrowser(publicKey: string): Promise<PushSubscription> {
  await navigator.serviceWorker.register(SERVICE_WORKER, { scope: '/' });
  const registration = await navigator.serviceWorker.ready;
  const key = fromBase64Url(publicKey);
  const existing = await registration.pushManager.getSubscription();
  if (existing && !sameKey(existing.options.applicationServerKey, key)) {
    await existing.unsubscribe();
  }
  return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
}

/** What the server stores: the browser's endpoint and keys, as `toJSON()` gives them. */
export function subscriptionInput(subscription: PushSubscription): PushSubscriptionInput {
  const { endpoint = '', expirationTime = null, keys = {} } = subscription.toJSON();
  return { endpoint, expirationTime, keys: { p256dh: keys.p256dh ?? '', auth: keys.auth ?? '' } };
}
