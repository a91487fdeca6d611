import { DiscardPolicy, RetentionPolicy, StorageType, type StreamConfig } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';

/*
 * How the order events live in JetStream: one stream, one subject per order, and only the last
 * message of each subject kept. The stream is then the table of every order's latest event: a
 * page that missed events reads its order's subject once, and a subscriber that was away resumes
 * from the stream sequence after the last one it saw.
 */

export const STREAM = 'ORDER_EVENTS';
const SUBJECT_PREFIX = 'order-events';

/** Events of orders nobody has touched for this long are dropped: every order ends well before. */
const KEEP_MS = 7 * 24 * 60 * 60_000;

/** An id that is a plain subject token (a UUID) as is; any other id base64url-encoded after `=`. */
const PLAIN_TOKEN = /^[A-Za-z0-9_-]+$/;

export const subjectOf = (orderId: string): string =>
  `${SUBJECT_PREFIX}.${
    PLAIN_TOKEN.test(orderId) ? orderId : `=${Buffer.from(orderId).toString('base64url')}`
  }`;

/**
 * Created when missing, with one replica; in a NATS cluster, create it beforehand with the same
 * settings and `--replicas 3`, and the bus uses it as it finds it.
 */
export const STREAM_CONFIG = {
  name: STREAM,
  subjects: [`${SUBJECT_PREFIX}.*`],
  storage: StorageType.File,
  retention: RetentionPolicy.Limits,
  max_msgs_per_subject: 1,
  discard: DiscardPolicy.Old,
  max_age: nanos(KEEP_MS),
  num_replicas: 1,
} satisfies Partial<StreamConfig>;
