import type { Replicas } from './replicas';
import { serverSentEvents } from './server-sent-events';

/** How long Chromium's EventSource waits before it reconnects, unless the stream says `retry:`. */
const BROWSER_RECONNECT_MS = 3_000;

/** One value a live page received, and when (Date.now()) it arrived. */
export interface Arrival<T> {
  data: T;
  at: number;
  /** The replica whose stream carried it. */
  baseUrl: string;
}

/** What happened to a page's connection, and when (Date.now()). */
export interface ConnectionChange {
  at: number;
  /** The replica, where one answered. */
  baseUrl: string | null;
  /**
   * `connected`; `dropped` (broke, or no replica gave a stream); `moved` (broken on purpose);
   * `returned` (the server ended it); `closed` (the page was closed).
   */
  what: 'connected' | 'dropped' | 'moved' | 'returned' | 'closed';
}

export interface LivePageOptions {
  /** A tRPC subscription, e.g. `boardUpdates`. */
  procedure: string;
  input?: unknown;
  /** The customer's signed cookie or the staff member's session. */
  cookie?: string;
}

/**
 * A page kept live by a tRPC subscription over Server-Sent Events, read with `fetch` as the
 * browser's tRPC link reads it with an EventSource: when the stream breaks it waits the reconnect
 * delay (the stream's `retry:`, or the browser's default) and connects again through the
 * replicas' load balancing, sending Last-Event-ID where the stream gave ids; it reconnects at
 * once after the inactivity the server announced in its `connected` event; it stops when the
 * server returns. Every value is kept with the time it arrived.
 */
export class LivePage<T> {
  readonly arrivals: Array<Arrival<T>> = [];
  readonly history: ConnectionChange[] = [];
  /** What a replica answered instead of a stream, and errors the stream sent. */
  readonly errors: string[] = [];
  private lastEventId: string | undefined;
  private reconnectMs = BROWSER_RECONNECT_MS;
  private connection: { controller: AbortController; baseUrl: string | null } | null = null;
  private closed = false;
  private ended = false;
  private moved = false;
  private wakeUp: (() => void) | null = null;
  private readonly following: Promise<void>;

  constructor(
    private readonly replicas: Replicas,
    private readonly options: LivePageOptions,
  ) {
    this.following = this.follow();
  }

  /** Streams opened so far: the first, and one per reconnection. */
  get connections(): number {
    return this.history.filter(({ what }) => what === 'connected').length;
  }

  /** Connections that broke (a replica died, a stream failed), each made again. */
  get drops(): number {
    return this.history.filter(({ what }) => what === 'dropped').length;
  }

  /** The replica the page is connected to now, if any. */
  get replica(): string | null {
    return this.connection?.baseUrl ?? null;
  }

  /** Whether the server ended the subscription (an order page once its order has ended). */
  get returned(): boolean {
    return this.ended;
  }

  /** Breaks the connection on purpose: the page connects again at once, to the next replica. */
  moveOn(): void {
    this.moved = true;
    this.connection?.controller.abort();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.connection?.controller.abort();
    this.wakeUp?.();
    await this.following;
  }

  private async follow(): Promise<void> {
    while (!this.closed && !this.ended) {
      this.moved = false;
      const baseUrl = await this.connectOnce();
      const what = this.closed
        ? 'closed'
        : this.ended
          ? 'returned'
          : this.moved
            ? 'moved'
            : 'dropped';
      this.history.push({ at: Date.now(), baseUrl, what });
      if (what !== 'dropped') continue;
      await new Promise<void>((resolve) => {
        this.wakeUp = resolve;
        setTimeout(resolve, this.reconnectMs);
      });
      this.wakeUp = null;
    }
  }

  private url(baseUrl: string): string {
    const { procedure, input } = this.options;
    const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    return `${baseUrl}/api/trpc/${procedure}${query}`;
  }

  /** Follows one stream until it ends; returns the replica that served it, if one did. */
  private async connectOnce(): Promise<string | null> {
    const controller = new AbortController();
    this.connection = { controller, baseUrl: null };
    const headers: Record<string, string> = {
      accept: 'text/event-stream',
      ...(this.options.cookie ? { cookie: this.options.cookie } : {}),
      ...(this.lastEventId !== undefined ? { 'last-event-id': this.lastEventId } : {}),
    };
    let inactivity: NodeJS.Timeout | undefined;
    let served: string | null = null;
    try {
      const { response, baseUrl } = await this.replicas.send(async (baseUrl) => ({
        response: await fetch(this.url(baseUrl), { headers, signal: controller.signal }),
        baseUrl,
      }));
      if (!response.ok || !response.body) {
        this.errors.push(`${baseUrl} answered ${response.status}: ${await response.text()}`);
        return null;
      }
      served = this.connection.baseUrl = baseUrl;
      this.history.push({ at: Date.now(), baseUrl, what: 'connected' });
      let inactivityMs = 0;
      const active = () => {
        clearTimeout(inactivity);
        if (inactivityMs > 0) inactivity = setTimeout(() => this.moveOn(), inactivityMs);
      };
      for await (const event of serverSentEvents(response.body)) {
        active();
        if (event.retryMs !== undefined) this.reconnectMs = event.retryMs;
        if (event.id !== undefined) this.lastEventId = event.id;
        if (event.name === 'connected') {
          inactivityMs = connectedOptions(event.data).reconnectAfterInactivityMs ?? 0;
          active();
        } else if (event.name === 'return') {
          this.ended = true;
          break;
        } else if (event.name === 'serialized-error') {
          this.errors.push(`${baseUrl} sent an error: ${event.data}`);
          break;
        } else if (event.name === undefined && event.data !== '') {
          this.arrivals.push({ data: JSON.parse(event.data) as T, at: Date.now(), baseUrl });
        }
      }
    } catch {
      // The connection broke, or was stopped on purpose: `follow` tells which and reconnects.
    } finally {
      clearTimeout(inactivity);
      this.connection = null;
    }
    return served;
  }
}

function connectedOptions(data: string): { reconnectAfterInactivityMs?: number } {
  try {
    return JSON.parse(data) as { reconnectAfterInactivityMs?: number };
  } catch {
    return {};
  }
}
