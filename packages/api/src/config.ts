import { z } from 'zod';
import type { OrderWindows } from '@delivery/common';
import { temporalConnectConfig } from '@delivery/common/temporal-connection';
import type { ChangeFeedOptions } from './live/change-feed';
import type { TemporalAccessOptions } from './temporal/access';

/** Every setting the API uses, read and checked once (the only module that reads the environment). */
export interface ApiConfig {
  /** The task queue new orders start on (TASK_QUEUE). */
  taskQueue: string;
  temporal: TemporalAccessOptions;
  live: ChangeFeedOptions;
  /**
   * Shorter windows for tests and demos, from the server's environment only: a customer must not
   * be able to choose how long a driver has. Unset windows keep the workflow's defaults.
   */
  orderWindows: Partial<OrderWindows>;
  /** Signs staff sessions and page cursors (SESSION_SECRET). */
  sessionSecret: string;
  /**
   * With DRIVER_PASSCODE set, drivers and the restaurant's staff must know it to sign in; without,
   * anyone may (a demo).
   */
  staffPasscode: string | null;
}

type Env = Record<string, string | undefined>;

function milliseconds(least: 0 | 1) {
  const error =
    least === 0
      ? 'must be a whole number of milliseconds'
      : 'must be a whole number of milliseconds above 0';
  return z.coerce.number({ error }).int({ error }).min(least, { error });
}

const settingsSchema = z.object({
  TASK_QUEUE: z.string().default('orders'),
  TEMPORAL_CONNECT_TIMEOUT_MS: milliseconds(1).default(5_000),
  TEMPORAL_RPC_TIMEOUT_MS: milliseconds(1).default(10_000),
  LIVE_POLL_MS: milliseconds(1).default(500),
  LIVE_OVERLAP_MS: milliseconds(0).default(3_000),
  ORDER_PAYMENT_WINDOW_MS: milliseconds(1).optional(),
  ORDER_RESTAURANT_WINDOW_MS: milliseconds(1).optional(),
  ORDER_PREPARATION_GRACE_MS: milliseconds(0).optional(),
  ORDER_PICKUP_WINDOW_MS: milliseconds(1).optional(),
  ORDER_DELIVERY_WINDOW_MS: milliseconds(1).optional(),
  ORDER_RATING_DELAY_MS: milliseconds(0).optional(),
  ORDER_RATING_WINDOW_MS: milliseconds(1).optional(),
  SESSION_SECRET: z.string().optional(),
  DRIVER_PASSCODE: z.string().optional(),
});

const DEV_SECRET = 'durable-delivery-dev-secret-change-me';
let warnedOfDevSecret = false;

function sessionSecret(configured: string | undefined): string {
  if (configured) return configured;
  if (!warnedOfDevSecret) {
    warnedOfDevSecret = true;
    console.warn(
      '[api] SESSION_SECRET is not set: staff sessions are signed with a public dev secret.',
    );
  }
  return DEV_SECRET;
}

const definedOnly = <T extends object>(values: T): Partial<T> =>
  Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined),
  ) as Partial<T>;

/** The variables that are set; an empty one counts as unset. */
const setVariables = (env: Env): Record<string, string> =>
  Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => !!entry[1]));

/**
 * The API's settings from `env` (the process's environment unless a test gives its own).
 * Throws one error that names every bad setting.
 */
export function configFromEnv(env: Env = process.env): ApiConfig {
  const variables = setVariables(env);
  const parsed = settingsSchema.safeParse(variables);
  const problems = (parsed.error?.issues ?? []).map((issue) => {
    const name = String(issue.path[0]);
    return `${name}=${JSON.stringify(variables[name])} ${issue.message}`;
  });
  let connection;
  try {
    connection = temporalConnectConfig(variables);
  } catch (error) {
    problems.push(
      `Temporal's connection settings: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!parsed.success || !connection) {
    throw new Error(`The API's settings are not valid:\n  ${problems.join('\n  ')}`);
  }
  const settings = parsed.data;
  return {
    taskQueue: settings.TASK_QUEUE,
    temporal: {
      connection,
      connectTimeoutMs: settings.TEMPORAL_CONNECT_TIMEOUT_MS,
      rpcTimeoutMs: settings.TEMPORAL_RPC_TIMEOUT_MS,
    },
    live: { pollMs: settings.LIVE_POLL_MS, overlapMs: settings.LIVE_OVERLAP_MS },
    orderWindows: definedOnly({
      paymentWindowMs: settings.ORDER_PAYMENT_WINDOW_MS,
      restaurantWindowMs: settings.ORDER_RESTAURANT_WINDOW_MS,
      preparationGraceMs: settings.ORDER_PREPARATION_GRACE_MS,
      pickupWindowMs: settings.ORDER_PICKUP_WINDOW_MS,
      deliveryWindowMs: settings.ORDER_DELIVERY_WINDOW_MS,
      ratingDelayMs: settings.ORDER_RATING_DELAY_MS,
      ratingWindowMs: settings.ORDER_RATING_WINDOW_MS,
    }),
    sessionSecret: sessionSecret(settings.SESSION_SECRET),
    staffPasscode: settings.DRIVER_PASSCODE ?? null,
  };
}

let processConfigRead: ApiConfig | undefined;

/** The process's settings, read from its environment when a request first needs them. */
export const processConfig = (): ApiConfig => (processConfigRead ??= configFromEnv());
