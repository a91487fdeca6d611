import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { EmbeddedOrderEventBus } from '../src';
import { eventOf, eventually, newOrderId, recordEvents } from './support/events';

/** The table as files written before subscribers could start from a time hold it. */
const FIRST_SCHEMA = `
  CREATE TABLE order_events (
    order_id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    event TEXT NOT NULL,
    sequence INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX order_events_by_sequence ON order_events (sequence);
`;

describe('an events file from an earlier version', () => {
  it('keeps its orders and serves subscribers that start from a time', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'order-events-')), 'events.sqlite');
    const earlier = eventOf(newOrderId(), 3, 'Ready for pickup');
    const file = new Database(path);
    file.exec(FIRST_SCHEMA);
    file
      .prepare('INSERT INTO order_events VALUES (?, ?, ?, 1)')
      .run(earlier.orderId, earlier.version, JSON.stringify(earlier));
    file.close();

    const bus = new EmbeddedOrderEventBus(path, () => undefined);
    expect(await bus.latest(earlier.orderId)).toEqual(earlier);
    const since = Date.now();
    const changed = newOrderId();
    await bus.publish(eventOf(changed, 1));
    const seen = recordEvents(bus, { since });
    await eventually(() => seen.versionsOf(changed).includes(1), 'the order changed since');
    // Its rows carry no time: they count as older than any subscriber's start.
    expect(seen.versionsOf(earlier.orderId)).toEqual([]);
    await seen.close();
    await bus.close();
  });
});
