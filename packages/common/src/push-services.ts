/**
 * The push services browsers subscribe through: Chrome's and Android's (FCM), Firefox's
 * (Mozilla autopush), Safari's (Apple) and Edge's (Windows Push Notification Services). A
 * subscription's endpoint is a URL the customer hands us and the worker later POSTs to, so only
 * these hosts (and their subdomains) are accepted: any other would let a customer aim the
 * worker's requests at a host of their choosing, inside our network too.
 */
export const KNOWN_PUSH_SERVICE_HOSTS = [
  'fcm.googleapis.com',
  'android.googleapis.com',
  'push.services.mozilla.com',
  'push.apple.com',
  'notify.windows.com',
] as const;

/** Whether `endpoint` is on one of `hosts` or a subdomain of one. */
export function isPushServiceEndpoint(endpoint: string, hosts: readonly string[]): boolean {
  if (!URL.canParse(endpoint)) return false;
  const { hostname } = new URL(endpoint);
  return hosts.some((host) => hostname === host || hostname.endsWith(`.${host}`));
}

/** A `PUSH_SERVICE_HOSTS` setting (comma-separated) as a list; unset means the known services. */
export const pushServiceHostsOf = (setting: string | undefined): readonly string[] =>
  setting
    ? setting
        .split(',')
        .map((host) => host.trim().toLowerCase())
        .filter(Boolean)
    : KNOWN_PUSH_SERVICE_HOSTS;
