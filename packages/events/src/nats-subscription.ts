import { setTimeout as sleep } from 'node:timers/promises';
import type { ConsumerMessages } from '@nats-io/jetstream';
import type { Broker } from './nats-broker';
import { STREAM } from './nats-layout';
import { EventRelay } from './event-relay';
import type { OrderEvent } from './order-event';
import type { OrderEventSubscription, Warn } from './order-event-bus';

const FIRST_RETRY_MS = 250;
/** A page waits on this: a broker back from a restart is found within a second. */
const MAX_RETRY_MS = 1_000;


/**
 * Every order's events through an ordered consumer, which the client re-creates from the next
 * stream sequence after a lost connection or a broker restart. The first starts at `since` (the
 * stream keeps each order's latest message, so that is each order changed since) or at news only. Should the consumer itself give up,
 * this starts another from the sequence after the last event it passed on: nothing published
 * meanwhile is missed, and an order changed twice arrives once, as its latest version.
 */
export class NatsSubscription implements OrderEventSubscription {
  readonly ready: Promise<void>;
  private markReady: () => void = () => undefined;
  /** The stream sequence of the last message read; `null` until the first consumer starts. */
  private lastSequence: number | null = null;
  private messages: ConsumerMessages | null = null;
  private readonly relay: EventRelay;
  private closed = false;
  private failures = 0;

  constructor(
    private readonly connected: () => Promise<Broker>,
    onEvent: (event: OrderEvent) => void,
    private readonly warn: Warn,
    private readonly since?: number,
  ) {
    this.relay = new EventRelay(onEvent, warn);
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    void this.run();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.markReady();
    await this.messages?.close();
  }

  private async run(): Promise<void> {
    while (!this.closed) {
      try {
        await this.consume();
        if (!this.closed) throw new Error('the broker lost the consumer');
      } catch (error) {
        if (this.closed) return;
        if (this.failures === 0)
          this.warn(`live events paused: ${error instanceof Error ? error.message : error}`);
        await sleep(Math.min(FIRST_RETRY_MS * 2 ** this.failures, MAX_RETRY_MS), undefined, {
          ref: false,
        });
        this.failures += 1;
      }
    }
  }

  private async consume(): Promise<void> {
    const { js, jsm } = await this.connected();
    const consumer = await js.consumers.get(STREAM, await this.startOf(jsm));
    const messages = await consumer.consume();
    this.messages = messages;
    if (this.closed) return void (await messages.close());
    this.markReady();
    if (this.failures > 0) this.warn('live events resumed');
    this.failures = 0;
    void this.stopOnReset(messages);
    for await (const message of messages) {
      this.lastSequence = message.seq;
      this.relay.offer(message.string(), message.seq);
    }
  }

  /** Where the next consumer starts: after the last message read; at first, at `since` or news only. */
  private async startOf(jsm: Broker['jsm']) {
    if (this.lastSequence === null && this.since !== undefined)
      return { opt_start_time: new Date(this.since).toISOString() };
    this.lastSequence ??= (await jsm.streams.info(STREAM)).state.last_seq;
    return { opt_start_seq: this.lastSequence + 1 };
  }

  /**
   * The client re-creates an ordered consumer the broker lost (a restart) but keeps counting the
   * lost consumer's pull as pending, so the new one asks for too little and stalls until its
   * heartbeats are missed. A consumer of our own from the next sequence starts clean at once.
   */
  private async stopOnReset(messages: ConsumerMessages): Promise<void> {
    for await (const status of messages.status()) {
      if (status.type === 'reset') return void (await messages.close());
    }
  }
}
