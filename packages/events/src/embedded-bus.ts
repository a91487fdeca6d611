import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { EventRelay } from './event-relay';
import { parseOrderEvent, type OrderEvent } from './order-event';
import {
  warnOnConsole,
  type OrderEventBus,
  type OrderEventSubscription,
  type SubscribeOptions,
  type Warn,
} from './order-event-bus';

/** How often a subscriber looks for new events: a local read, well under a person's notice. */
const POLL_MS = 150;
const BATCH = 500;

/*
 * Each order's latest event, when it was written, and a sequence over all of them that moves on
 * every accepted write: a subscriber remembers the last sequence it read and asks for what came
 * after.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS order_events (
    order_id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    event TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    published_at INTEGER NOT NULL DEFAULT 0
  );
  CREATE UNIQUE INDEX IF NOT EXISTS order_events_by_sequence ON order_events (sequence);
`;

/** Files written before subscribers could start from a time have no `published_at`. */
function addPublishedAt(database: Database.Database): void {
  const columns = database.pragma('table_info(order_events)') as Array<{ name: string }>;
  if (columns.some(({ name }) => name === 'published_at')) return;
  database.exec('ALTER TABLE order_events ADD COLUMN published_at INTEGER NOT NULL DEFAULT 0');
}

/**
 * The bus on one machine, with no server: a SQLite file (WAL) the worker writes and every site
 * process reads. One statement keeps a version only if it is newer than the stored one, so a
 * retried or late publish never brings an order back.
 */
export class EmbeddedOrderEventBus implements OrderEventBus {
  private readonly database: Database.Database;
  private readonly statements;
  private readonly subscriptions = new Set<() => void>();

  constructor(
    path: string,
    private readonly warn: Warn = warnOnConsole,
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.database = new Database(path);
    this.database.pragma('journal_mode = WAL');
    this.database.pragma('busy_timeout = 5000');
    this.database.exec(SCHEMA);
    addPublishedAt(this.database);
    this.statements = {
      keepIfNewer: this.database.prepare<[string, number, string, number]>(
        `INSERT INTO order_events (order_id, version, event, published_at, sequence)
         VALUES (?, ?, ?, ?, (SELECT coalesce(max(sequence), 0) + 1 FROM order_events))
         ON CONFLICT (order_id) DO UPDATE
           SET version = excluded.version, event = excluded.event,
               published_at = excluded.published_at, sequence = excluded.sequence
           WHERE excluded.version > order_events.version`,
      ),
      latest: this.database.prepare<[string], { event: string }>(
        'SELECT event FROM order_events WHERE order_id = ?',
      ),
      lastSequence: this.database.prepare<[], { last: number }>(
        'SELECT coalesce(max(sequence), 0) AS last FROM order_events',
      ),
      lastSequenceBefore: this.database.prepare<[number], { last: number }>(
        `SELECT coalesce(min(sequence) - 1, (SELECT coalesce(max(sequence), 0) FROM order_events))
           AS last FROM order_events WHERE published_at >= ?`,
      ),
      after: this.database.prepare<[number, number], { event: string; sequence: number }>(
        'SELECT event, sequence FROM order_events WHERE sequence > ? ORDER BY sequence LIMIT ?',
      ),
    };
  }

  async publish(event: OrderEvent): Promise<void> {
    this.statements.keepIfNewer.run(
      event.orderId,
      event.version,
      JSON.stringify(event),
      Date.now(),
    );
  }

  async latest(orderId: string): Promise<OrderEvent | null> {
    const row = this.statements.latest.get(orderId);
    return row ? parseOrderEvent(row.event) : null;
  }

  subscribe(
    onEvent: (event: OrderEvent) => void,
    { since }: SubscribeOptions = {},
  ): OrderEventSubscription {
    let cursor =
      (since === undefined
        ? this.statements.lastSequence.get()
        : this.statements.lastSequenceBefore.get(since)
      )?.last ?? 0;
    const relay = new EventRelay(onEvent, this.warn);
    let failing = false;
    const poll = () => {
      try {
        for (;;) {
          const rows = this.statements.after.all(cursor, BATCH);
          for (const row of rows) {
            cursor = row.sequence;
            relay.offer(row.event, row.sequence);
          }
          if (rows.length < BATCH) break;
        }
        if (failing) this.warn('reading events again');
        failing = false;
      } catch (error) {
        if (!failing)
          this.warn(`reading events failed: ${error instanceof Error ? error.message : error}`);
        failing = true;
      }
    };
    const timer = setInterval(poll, POLL_MS);
    timer.unref();
    const stop = () => clearInterval(timer);
    this.subscriptions.add(stop);
    return {
      ready: Promise.resolve(),
      close: async () => {
        stop();
        this.subscriptions.delete(stop);
      },
    };
  }

  async close(): Promise<void> {
    for (const stop of this.subscriptions) stop();
    this.subscriptions.clear();
    this.database.close();
  }
}
