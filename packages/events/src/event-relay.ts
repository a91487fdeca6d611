import { parseOrderEvent, type OrderEvent } from './order-event';
import type { Warn } from './order-event-bus';

/** Orders remembered per subscriber: duplicates and older copies arrive close to the original. */
const REMEMBERED_ORDERS = 50_000;

/**
 * What a subscription passes on from the broker: events that parse, each newer than every version
 * of its order passed on before. It remembers the latest version of the orders seen most
 * recently; the ones seen longest ago are forgotten first.
 */
export class EventRelay {
  private readonly versions = new Map<string, number>();

  constructor(
    private readonly onEvent: (event: OrderEvent) => void,
    private readonly warn: Warn,
    private readonly limit = REMEMBERED_ORDERS,
  ) {}

  /** Passes on the event stored as `text` at `sequence`, unless it is no news. */
  offer(text: string, sequence: number): void {
    const event = parseOrderEvent(text);
    if (!event) return this.warn(`skipped a malformed event at sequence ${sequence}`);
    if (!this.isNews(event)) return;
    try {
      this.onEvent(event);
    } catch (error) {
      this.warn(`a subscriber failed on ${event.orderId} v${event.version}: ${error}`);
    }
  }

  private isNews(event: OrderEvent): boolean {
    const seen = this.versions.get(event.orderId);
    if (seen !== undefined && seen >= event.version) return false;
    // Re-inserted, so the map's first key is the order seen longest ago.
    this.versions.delete(event.orderId);
    this.versions.set(event.orderId, event.version);
    if (this.versions.size > this.limit) {
      const oldest = this.versions.keys().next().value;
      if (oldest !== undefined) this.versions.delete(oldest);
    }
    return true;
  }
}
