import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../src';

describe('configFromEnv', () => {
  it('fills in the defaults, and counts an empty variable as unset', () => {
    const config = configFromEnv({
      SESSION_SECRET: 'secret',
      ACCOUNTS_DB_PATH: '/var/lib/delivery/accounts.sqlite',
      ORDER_EVENTS_URL: '',
      ORDER_EVENTS_DB_PATH: '/var/lib/delivery/order-events.sqlite',
    });
    expect(config).toMatchObject({
      taskQueue: 'orders',
      temporal: {
        connection: { connectionOptions: { address: 'localhost:7233' }, namespace: 'default' },
        connectTimeoutMs: 5_000,
        rpcTimeoutMs: 10_000,
      },
      orderEvents: { broker: 'embedded', path: '/var/lib/delivery/order-events.sqlite' },
      orderWindows: {},
      sessionSecret: 'secret',
      accountsDbPath: '/var/lib/delivery/accounts.sqlite',
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
      ACCOUNTS_DB_PATH: '/var/lib/delivery/accounts.sqlite',
      ORDER_EVENTS_URL: 'nats://events.internal:4222',
    });
    expect(config.orderEvents).toEqual({
      broker: 'nats',
      servers: ['nats://events.internal:4222'],
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
      configFromEnv({
        ORDER_PICKUP_WINDOW_MS: 'soon',
        TEMPORAL_RPC_TIMEOUT_MS: '0',
        SESSION_SECRET: 's',
      }),
    ).toThrow(
      [
        "The API's settings are not valid:",
        '  TEMPORAL_RPC_TIMEOUT_MS="0" must be a whole number of milliseconds above 0',
        '  ORDER_PICKUP_WINDOW_MS="soon" must be a whole number of milliseconds above 0',
        '  ACCOUNTS_DB_PATH is not set: give every site and the worker the path of the one ' +
          'accounts database (`pnpm dev` uses .data/accounts.sqlite).',
        '  Neither ORDER_EVENTS_URL nor ORDER_EVENTS_DB_PATH is set: give the worker and every ' +
          'site the NATS broker (ORDER_EVENTS_URL=nats://host:4222) or, on one machine, the path ' +
          'of one shared events file (`pnpm dev` uses .data/order-events.sqlite).',
      ].join('\n'),
    );
  });
});

describe('ALLOWED_ORIGINS', () => {
  const env = {
    SESSION_SECRET: 's',
    ACCOUNTS_DB_PATH: '/tmp/accounts.sqlite',
    ORDER_EVENTS_DB_PATH: '/tmp/order-events.sqlite',
  };

  it('is a comma-separated list of origins, none by default', () => {
    expect(configFromEnv(env).allowedOrigins).toEqual([]);
    expect(
      configFromEnv({ ...env, ALLOWED_ORIGINS: 'https://shop.example.com, http://localhost:8080' })
        .allowedOrigins,
    ).toEqual(['https://shop.example.com', 'http://localhost:8080']);
  });

  it('refuses anything that is not an origin', () => {
    for (const bad of ['shop.example.com', 'https://shop.example.com/', 'https://a.example/x'])
      expect(() => configFromEnv({ ...env, ALLOWED_ORIGINS: bad })).toThrow(
        /ALLOWED_ORIGINS=.* must be origins like https:\/\/shop.example.com/,
      );
  });
});

describe('ORDER_RATE_LIMIT and ORDER_RATE_LIMIT_PER_ADDRESS', () => {
  const env = {
    SESSION_SECRET: 's',
    ACCOUNTS_DB_PATH: '/tmp/accounts.sqlite',
    ORDER_EVENTS_DB_PATH: '/tmp/order-events.sqlite',
  };

  it('default to more orders a minute than a real customer places', () => {
    expect(configFromEnv(env).orderRateLimit).toEqual({ perCustomer: 10, perAddress: 60 });
    expect(
      configFromEnv({ ...env, ORDER_RATE_LIMIT: '3', ORDER_RATE_LIMIT_PER_ADDRESS: '500' })
        .orderRateLimit,
    ).toEqual({ perCustomer: 3, perAddress: 500 });
  });

  it('refuses a limit that is not a whole number above 0', () => {
    expect(() => configFromEnv({ ...env, ORDER_RATE_LIMIT: '0' })).toThrow(
      'ORDER_RATE_LIMIT="0" must be a whole number of orders per minute above 0',
    );
  });
});
