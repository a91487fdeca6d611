import { EmbeddedOrderEventBus } from './embedded-bus';
import { NatsOrderEventBus } from './nats-bus';
import { warnOnConsole, type OrderEventBus, type Warn } from './order-event-bus';

/** Which bus a process uses: NATS for many machines, the embedded file for one. */
export type OrderEventSettings =
  | { broker: 'nats'; servers: string[] }
  | { broker: 'embedded'; path: string };

type Env = Record<string, string | undefined>;

const isNatsUrl = (text: string) =>
  URL.canParse(text) && ['nats:', 'tls:'].includes(new URL(text).protocol);

/**
 * ORDER_EVENTS_URL (`nats://host:4222`, comma-separated for a cluster) picks NATS JetStream;
 * otherwise ORDER_EVENTS_DB_PATH names the embedded file, which the worker and every site of one
 * machine must share. There is no default: a site with a file of its own would never hear of a
 * change.
 */
export function orderEventSettings(env: Env = process.env): OrderEventSettings {
  const { ORDER_EVENTS_URL: url, ORDER_EVENTS_DB_PATH: path } = env;
  if (url) {
    const servers = url.split(',').map((server) => server.trim());
    if (!servers.every(isNatsUrl))
      throw new Error(
        `ORDER_EVENTS_URL=${JSON.stringify(url)} must be nats:// (or tls://) URLs, comma-separated`,
      );
    return { broker: 'nats', servers };
  }
  if (path) return { broker: 'embedded', path };
  throw new Error(
    'Neither ORDER_EVENTS_URL nor ORDER_EVENTS_DB_PATH is set: give the worker and every site ' +
      'the NATS broker (ORDER_EVENTS_URL=nats://host:4222) or, on one machine, the path of one ' +
      'shared events file (`pnpm dev` uses .data/order-events.sqlite).',
  );
}

export function openOrderEventBus(settings: OrderEventSettings, warn: Warn = warnOnConsole) {
  return settings.broker === 'nats'
    ? new NatsOrderEventBus(settings.servers, warn)
    : new EmbeddedOrderEventBus(settings.path, warn);
}

/** The bus the environment names (see `orderEventSettings`). */
export const orderEventBusFromEnv = (env: Env = process.env, warn?: Warn): OrderEventBus =>
  openOrderEventBus(orderEventSettings(env), warn);
