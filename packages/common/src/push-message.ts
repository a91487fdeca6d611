/**
 * What a Web Push message carries, encrypted for one browser; the menu's service worker shows it
 * and opens `url` on a click.
 */
export interface PushMessage {
  orderId: string;
  event: string;
  message: string;
  /** The order's page, relative to the menu site that subscribed. */
  url: string;
}
