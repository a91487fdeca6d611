import {
  JetStreamApiCodes,
  JetStreamApiError,
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { Warn } from './order-event-bus';
import { STREAM, STREAM_CONFIG } from './nats-layout';

/** How long connecting may take. */
const CONNECT_TIMEOUT_MS = 3_000;
/**
 * How long one call to the broker may take. A healthy broker answers in milliseconds; a call
 * sent while the connection is down waits this long for an answer that never comes, so it is
 * short: the caller tries again soon after the broker is back.
 */
const CALL_TIMEOUT_MS = 1_000;

export interface Broker {
  connection: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
}

/**
 * Connects to `servers` and makes sure the stream exists. Once connected, the client reconnects
 * for as long as it takes; a first connection that fails is the caller's to try again.
 */
export async function openBroker(servers: string[], warn: Warn): Promise<Broker> {
  const connection = await connect({
    servers,
    name: 'delivery-order-events',
    timeout: CONNECT_TIMEOUT_MS,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
  });
  try {
    const jsm = await jetstreamManager(connection, { timeout: CALL_TIMEOUT_MS });
    await ensureStream(jsm);
    void reportConnection(connection, warn);
    return { connection, js: jetstream(connection, { timeout: CALL_TIMEOUT_MS }), jsm };
  } catch (error) {
    await connection.close();
    throw error;
  }
}

async function ensureStream(jsm: JetStreamManager): Promise<void> {
  try {
    await jsm.streams.info(STREAM);
  } catch (error) {
    if (!(error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound))
      throw error;
    await jsm.streams.add(STREAM_CONFIG);
  }
}

async function reportConnection(connection: NatsConnection, warn: Warn): Promise<void> {
  for await (const status of connection.status()) {
    if (status.type === 'disconnect') warn('lost the connection to the broker; reconnecting');
    if (status.type === 'reconnect') warn('connected to the broker again');
  }
}

/** Someone else wrote the order's subject since it was read: read it again. */
export const isWriteConflict = (error: unknown): boolean =>
  error instanceof JetStreamApiError &&
  (error.code === JetStreamApiCodes.StreamWrongLastSequence ||
    error.code === JetStreamApiCodes.StreamWrongLastSequenceUnknown);
