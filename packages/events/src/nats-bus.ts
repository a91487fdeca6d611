import { setTimeout as sleep } from 'node:timers/promises';
import { openBroker, isWriteConflict, type Broker } from './nats-broker';
import { STREAM, subjectOf } from './nats-layout';
import { NatsSubscription } from './nats-subscription';
import { parseOrderEvent, type OrderEvent } from './order-event';
import {
  warnOnConsole,
  type OrderEventBus,
  type OrderEventSubscription,
  type SubscribeOptions,
  type Warn,
} from './order-event-bus';

/** Writers racing on one order: each conflict means another version landed, so this ends soon. */
const MAX_WRITE_CONFLICTS = 10;

/**
 * How long one publish keeps trying while the broker is away (refused, restarting, its stream
 * not yet recovered): inside the publishing activity's 5 s attempt, so an event lands within
 * moments of the broker's return instead of at the activity's next retry, seconds later.
 */
const PUBLISH_PATIENCE_MS = 4_000;
const PUBLISH_RETRY_MS = 200;

/**
 * The bus on NATS JetStream, for many machines. Publishing reads the order's last message and
 * writes the new one only if it is newer, on the condition that the subject's last sequence is
 * still the one read (compare-and-set); a conflict reads again. So an older version never
 * replaces a newer one, however retried attempts interleave.
 */
export class NatsOrderEventBus implements OrderEventBus {
  private broker: Promise<Broker> | null = null;
  private readonly subscriptions = new Set<NatsSubscription>();
  private closed = false;

  constructor(
    private readonly servers: string[],
    private readonly warn: Warn = warnOnConsole,
  ) {}

  async publish(event: OrderEvent): Promise<void> {
    const deadline = Date.now() + PUBLISH_PATIENCE_MS;
    for (;;) {
      try {
        return await this.publishOnce(event);
      } catch (error) {
        if (this.closed || Date.now() + PUBLISH_RETRY_MS > deadline) throw error;
        await sleep(PUBLISH_RETRY_MS);
      }
    }
  }

  private async publishOnce(event: OrderEvent): Promise<void> {
    const { js, jsm } = await this.connected();
    const subject = subjectOf(event.orderId);
    const payload = JSON.stringify(event);
    for (let attempt = 1; ; attempt += 1) {
      const stored = await jsm.streams.getMessage(STREAM, { last_by_subj: subject });
      const storedVersion = stored ? (parseOrderEvent(stored.string())?.version ?? 0) : 0;
      if (storedVersion >= event.version) return;
      try {
        await js.publish(subject, payload, { expect: { lastSubjectSequence: stored?.seq ?? 0 } });
        return;
      } catch (error) {
        if (!isWriteConflict(error) || attempt === MAX_WRITE_CONFLICTS) throw error;
      }
    }
  }

  async latest(orderId: string): Promise<OrderEvent | null> {
    const { jsm } = await this.connected();
    const stored = await jsm.streams.getMessage(STREAM, { last_by_subj: subjectOf(orderId) });
    return stored ? parseOrderEvent(stored.string()) : null;
  }

  subscribe(
    onEvent: (event: OrderEvent) => void,
    { since }: SubscribeOptions = {},
  ): OrderEventSubscription {
    const subscription = new NatsSubscription(() => this.connected(), onEvent, this.warn, since);
    this.subscriptions.add(subscription);
    return {
      ready: subscription.ready,
      close: async () => {
        this.subscriptions.delete(subscription);
        await subscription.close();
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.subscriptions.clear();
    const broker = await this.broker?.catch(() => null);
    await broker?.connection.close();
  }

  /** One connection, made on first use; a first connection that failed is tried again on the next. */
  private connected(): Promise<Broker> {
    if (this.closed) return Promise.reject(new Error('the order-event bus is closed'));
    if (!this.broker) {
      const opening = openBroker(this.servers, this.warn);
      this.broker = opening;
      opening.then(
        ({ connection }) =>
          void connection.closed().then(() => {
            if (this.broker === opening) this.broker = null;
          }),
        () => {
          if (this.broker === opening) this.broker = null;
        },
      );
    }
    return this.broker;
  }
}
