import { describe, expect, it } from 'vitest';
import { EventRelay } from '../src/event-relay';
import type { OrderEvent } from '../src';
import { eventOf } from './support/events';

const text = (orderId: string, version: number) => JSON.stringify(eventOf(orderId, version));

function relayed(limit?: number) {
  const passed: OrderEvent[] = [];
  const warnings: string[] = [];
  const relay = new EventRelay(
    (event) => passed.push(event),
    (message) => warnings.push(message),
    limit,
  );
  return {
    relay,
    passed,
    warnings,
    versions: () => passed.map((e) => `${e.orderId}@${e.version}`),
  };
}

describe('what a subscription passes on', () => {
  it('drops duplicates and versions older than one already passed on, order by order', () => {
    const { relay, versions } = relayed();
    for (const [orderId, version] of [
      ['a', 1],
      ['a', 3],
      ['b', 1],
      ['a', 2],
      ['a', 3],
      ['b', 1],
      ['b', 2],
    ] as const)
      relay.offer(text(orderId, version), 0);
    expect(versions()).toEqual(['a@1', 'a@3', 'b@1', 'b@2']);
  });

  it('skips what is not an event, and goes on past a subscriber that throws', () => {
    const warnings: string[] = [];
    let calls = 0;
    const relay = new EventRelay(
      () => {
        calls += 1;
        throw new Error('page gone');
      },
      (message) => warnings.push(message),
    );
    relay.offer('{"orderId":"a","version":0}', 7);
    relay.offer('not json', 8);
    relay.offer(text('a', 1), 9);
    relay.offer(text('a', 2), 10);
    expect(calls).toBe(2);
    expect(warnings).toEqual([
      'skipped a malformed event at sequence 7',
      'skipped a malformed event at sequence 8',
      'a subscriber failed on a v1: Error: page gone',
      'a subscriber failed on a v2: Error: page gone',
    ]);
  });

  it('remembers the orders seen most recently, up to its limit', () => {
    const { relay, versions } = relayed(2);
    relay.offer(text('a', 2), 0);
    relay.offer(text('b', 1), 0);
    relay.offer(text('b', 2), 0);
    relay.offer(text('c', 1), 0);
    // `a` was seen longest ago: forgotten, an old version of it is news again; `b` is known.
    relay.offer(text('a', 1), 0);
    relay.offer(text('c', 1), 0);
    expect(versions()).toEqual(['a@2', 'b@1', 'b@2', 'c@1', 'a@1']);
  });
});
