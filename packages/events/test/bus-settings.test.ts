import { describe, expect, it } from 'vitest';
import { orderEventSettings } from '../src';

describe('which bus the environment names', () => {
  it('is NATS when ORDER_EVENTS_URL is set, whatever the file setting says', () => {
    expect(
      orderEventSettings({
        ORDER_EVENTS_URL: 'nats://events-1:4222, nats://events-2:4222',
        ORDER_EVENTS_DB_PATH: '/var/lib/delivery/events.sqlite',
      }),
    ).toEqual({ broker: 'nats', servers: ['nats://events-1:4222', 'nats://events-2:4222'] });
  });

  it('is the embedded file otherwise; an empty variable counts as unset', () => {
    expect(
      orderEventSettings({ ORDER_EVENTS_URL: '', ORDER_EVENTS_DB_PATH: '.data/events.sqlite' }),
    ).toEqual({ broker: 'embedded', path: '.data/events.sqlite' });
  });

  it('says what to set when neither is set, and refuses a URL that is not NATS', () => {
    expect(() => orderEventSettings({})).toThrow(
      /Neither ORDER_EVENTS_URL nor ORDER_EVENTS_DB_PATH is set.*\.data\/order-events\.sqlite/,
    );
    expect(() => orderEventSettings({ ORDER_EVENTS_URL: 'http://events:8222' })).toThrow(
      'ORDER_EVENTS_URL="http://events:8222" must be nats:// (or tls://) URLs, comma-separated',
    );
  });
});
