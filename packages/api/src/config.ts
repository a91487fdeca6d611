import { z } from 'zod';
import { pushServiceHostsOf, type OrderWindows } from '@delivery/common';
import { accountsDatabasePath } from '@delivery/accounts';
import { temporalConnectConfig } from '@delivery/common/temporal-connection';
import { orderEventSettings, type OrderEventSettings } from '@delivery/events';
import type { OrderRateLimits } from './order-rate-limit';
import { sessionSecret } from './session/secret';
import type { TemporalAccessOptions } from './temporal/access';

/** Every setting the API uses, read and checked once (the only module that reads the environment). */
export interface ApiConfig {
  /** The task queue new orders start on (TASK_QUEUE). */
  taskQueue: string;
  temporal: TemporalAccessOptions;
  /**
   * Where live pages hear of order changes: the NATS broker (ORDER_EVENTS_URL) or the embedded
   * events file the worker writes (ORDER_EVENTS_DB_PATH).
   */
  orderEvents: OrderEventSettings;
  /**
   * Shorter windows for tests and demos, from the server's environment only: a customer must not
   * be able to choose how long a driver has. Unset windows keep the workflow's defaults.
   */
  orderWindows: Partial<OrderWindows>;
  /** Signs staff sessions and page cursors (SESSION_SECRET). */
  sessionSecret: string;
  /** The accounts database shared by every site and the worker (ACCOUNTS_DB_PATH). */
  accountsDbPath: string;
  /** How many orders may be placed per minute (ORDER_RATE_LIMIT, ORDER_RATE_LIMIT_PER_ADDRESS). */
  orderRateLimit: OrderRateLimits;
  /**
   * Origins besides the site's own whose pages may call the API (ALLOWED_ORIGINS, comma-separated),
   * for a deployment whose proxy hides the public host from the site.
   */
  allowedOrigins: string[];
  /**
   * The VAPID public key browsers subscribe with (VAPID_PUBLIC_KEY, the worker's pair), served to
   * pages at run time; `null` turns the menu's notifications offer off.
   */
  pushPublicKey: string | null;
  /** The push services a subscription's endpoint may point at (PUSH_SERVICE_HOSTS). */
  pushServiceHosts: readonly string[];
}

type Env = Record<string, string | undefined>;

function milliseconds(least: 0 | 1) {
  const error =
    least === 0
      ? 'must be a whole number of milliseconds'
      : 'must be a whole number of milliseconds above 0';
  return z.coerce.number({ error }).int({ error }).min(least, { error });
}

const ordersPerMinute = { error: 'must be a whole number of orders per minute above 0' };
const perMinute = z.coerce.number(ordersPerMinute).int(ordersPerMinute).min(1, ordersPerMinute);

const isOrigin = (text: string) => URL.canParse(text) && new URL(text).origin === text;
const originsError = { error: 'must be origins like https://shop.example.com, comma-separated' };
const origins = z
  .string()
  .transform((list) => list.split(',').map((origin) => origin.trim()))
  .pipe(z.array(z.string().refine(isOrigin, originsError)));

/** An uncompressed P-256 point: 65 bytes, 87 base64url characters. */
const vapidKey = { error: 'must be a VAPID public key (npx web-push generate-vapid-keys)' };

const settingsSchema = z.object({
  TASK_QUEUE: z.string().default('orders'),
  TEMPORAL_CONNECT_TIMEOUT_MS: milliseconds(1).default(5_000),
  TEMPORAL_RPC_TIMEOUT_MS: milliseconds(1).default(10_000),
  ORDER_PAYMENT_WINDOW_MS: milliseconds(1).optional(),
  ORDER_RESTAURANT_WINDOW_MS: milliseconds(1).optional(),
  ORDER_PREPARATION_GRACE_MS: milliseconds(0).optional(),
  ORDER_PICKUP_WINDOW_MS: milliseconds(1).optional(),
  ORDER_DELIVERY_WINDOW_MS: milliseconds(1).optional(),
  ORDER_RATING_DELAY_MS: milliseconds(0).optional(),
  ORDER_RATING_WINDOW_MS: milliseconds(1).optional(),
  SESSION_SECRET: z.string().optional(),
  ORDER_RATE_LIMIT: perMinute.default(10),
  ORDER_RATE_LIMIT_PER_ADDRESS: perMinute.default(60),
  ALLOWED_ORIGINS: origins.default([]),
  VAPID_PUBLIC_KEY: z.base64url(vapidKey).length(87, vapidKey).optional(),
  PUSH_SERVICE_HOSTS: z.string().optional(),
});

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
  let accountsDbPath;
  try {
    accountsDbPath = accountsDatabasePath(variables);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  let orderEvents;
  try {
    orderEvents = orderEventSettings(variables);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  if (!parsed.success || !connection || !accountsDbPath || !orderEvents) {
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
    orderEvents,
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
    accountsDbPath,
    orderRateLimit: {
      perCustomer: settings.ORDER_RATE_LIMIT,
      perAddress: settings.ORDER_RATE_LIMIT_PER_ADDRESS,
    },
    allowedOrigins: settings.ALLOWED_ORIGINS,
    pushPublicKey: settings.VAPID_PUBLIC_KEY ?? null,
    pushServiceHosts: pushServiceHostsOf(settings.PUSH_SERVICE_HOSTS),
  };
}

let processConfigRead: ApiConfig | undefined;

/** The process's settings, read from its environment when a request first needs them. */
export const processConfig = (): ApiConfig => (processConfigRead ??= configFromEnv());
