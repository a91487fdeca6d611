import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../src';

describe('configFromEnv', () => {
  it('fills in the defaults, and counts an empty variable as unset', () => {
    const config = configFromEnv({ SESSION_SECRET: 'secret', LIVE_POLL_MS: '' });
    expect(config).toMatchObject({
      taskQueue: 'orders',
      temporal: {
        connection: { connectionOptions: { address: 'localhost:7233' }, namespace: 'default' },
        connectTimeoutMs: 5_000,
        rpcTimeoutMs: 10_000,
      },
      live: { pollMs: 500, overlapMs: 3_000 },
      orderWindows: {},
      sessionSecret: 'secret',
      staffPasscode: null,
    });
  });

  it("reads Temporal's connection and the order windows from the variables it is given", () => {
    const config = configFromEnv({
      TEMPORAL_ADDRESS: '10.0.0.1:7233',
      TEMPORAL_NAMESPACE: 'deliveries',
      ORDER_RESTAURANT_WINDOW_MS: '900',
      ORDER_PREPARATION_GRACE_MS: '0',
      ORDER_RATING_DELAY_MS: '0',
      ORDER_PICKUP_WINDOW_MS: '700',
      SESSION_SECRET: 'secret',
    });
    expect(config.temporal.connection).toMatchObject({
      connectionOptions: { address: '10.0.0.1:7233' },
      namespace: 'deliveries',
    });
    expect(config.orderWindows).toEqual({
      restaurantWindowMs: 900,
      preparationGraceMs: 0,
      pickupWindowMs: 700,
      ratingDelayMs: 0,
    });
  });

  it('names every bad setting in one error', () => {
    expect(() =>
      configFromEnv({ LIVE_POLL_MS: 'fast', TEMPORAL_RPC_TIMEOUT_MS: '0', SESSION_SECRET: 's' }),
    ).toThrow(
      [
        "The API's settings are not valid:",
        '  TEMPORAL_RPC_TIMEOUT_MS="0" must be a whole number of milliseconds above 0',
        '  LIVE_POLL_MS="fast" must be a whole number of milliseconds above 0',
      ].join('\n'),
    );
  });
});
