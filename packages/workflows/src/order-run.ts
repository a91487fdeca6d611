import {
  ActivityFailure,
  CancellationScope,
  log,
  patched,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type {
  DeadlineKind,
  MoneyState,
  OrderInput,
  OrderState,
  OrderStatus,
  OrderWindows,
} from '@delivery/common';
import { DEFAULT_WINDOWS } from '@delivery/common/order-model';
import { DriverIdKey, OrderStateKey, OrderUpdatedAtKey } from '@delivery/common/search-attributes';
import { publishOrderEvent, refundOrder, sendPushNotification } from './activity-proxies';
import type { Ending } from './endings';
import type { Outcome, OrderResult, RequestAnswer } from './messages';
import { PATCHES } from './patches';

export const iso = (ms: number): string => new Date(ms).toISOString();

/** Request outcomes kept per order; an order sees a handful, so this only bounds abuse. */
const MAX_OUTCOMES = 200;

/** What an event carries: the status as it is now, not as later changes will make it. */
const snapshotOf = (status: OrderStatus): OrderStatus => JSON.parse(JSON.stringify(status));

/**
 * One order's state and the moves it makes: every change is stamped in its search attributes and
 * published as an event, every notification runs beside the order. The workflow's local state is
 * the order's record.
 */
export class OrderRun {
  readonly input: OrderInput;
  readonly windows: OrderWindows;
  readonly status: OrderStatus;
  readonly workflowId = workflowInfo().workflowId;
  /** By when the kitchen must mark the food ready (ms since the epoch), set when it accepts. */
  readyDueAt = 0;
  /** When the delivery window closes (ms since the epoch), set at pickup. */
  deliveryDueAt = 0;
  /** How the order ends once its card's hold is released, decided when the release began. */
  ending: Ending | null = null;
  /** False once the rating window's timer has fired. */
  ratingOpen = true;
  /** Decided once, where the order starts, so the patch marker has a fixed place in history. */
  private readonly quietNotificationRecords = patched(PATCHES.quietNotificationRecords);
  /** Decided once, where the order starts: an order that began without events publishes none. */
  private readonly publishesEvents = patched(PATCHES.orderEvents);
  /** How many changes the order has published: the version of its latest event. */
  private eventVersion = 0;
  private readonly outcomes = new Map<string, Outcome>();
  private readonly notificationsInFlight: Promise<void>[] = [];
  private readonly eventsInFlight: Promise<void>[] = [];

  /**
   * `withKitchen`: the card is authorized, the restaurant answers, and the money is taken at
   * pickup; otherwise the order is charged up front, as orders placed before the kitchen were.
   */
  constructor(input: OrderInput, withKitchen: boolean) {
    this.input = input;
    this.windows = { ...DEFAULT_WINDOWS, ...input.windows };
    const startedAt = iso(Date.now());
    const state: OrderState = withKitchen ? 'Authorizing card' : 'Charging card';
    this.status = {
      orderId: input.orderId,
      customerId: input.customerId,
      state,
      lines: input.lines,
      totalCents: input.totalCents,
      paymentMethod: input.paymentMethod,
      createdAt: startedAt,
      updatedAt: startedAt,
      timeline: [{ state, at: startedAt }],
      ...(withKitchen && { paymentIntentId: null, money: 'authorizing', restaurant: null }),
      deadline: null,
      driver: null,
      chargeId: null,
      refundId: null,
      notifications: [],
      ratingRequested: false,
      rating: null,
      failureReason: null,
      open: true,
    };
  }

  get state(): OrderState {
    return this.status.state;
  }

  /** Every change is stamped, so lists find it with one Visibility call, and published. */
  touch(): void {
    const now = Date.now();
    this.status.updatedAt = iso(now);
    upsertSearchAttributes([
      { key: OrderStateKey, value: this.status.state },
      { key: OrderUpdatedAtKey, value: new Date(now) },
      ...(this.status.driver ? [{ key: DriverIdKey, value: this.status.driver.id }] : []),
    ]);
    if (this.publishesEvents) this.publishEvent();
  }

  /**
   * A change no move follows soon (the money taken at pickup): stamped and published at once on
   * orders that publish events. Older orders show it with their next move, as they always did.
   */
  showNow(): void {
    if (this.publishesEvents) this.touch();
  }

  /**
   * Publishes the order as it is now, beside the order: the story never waits for it, and a broker
   * outage only delays the live pages. It starts where the order changes, never when an activity
   * finishes (docs/actions.md), and an operator's cancel leaves it running; the broker keeps the
   * newest version, whichever lands first.
   */
  private publishEvent(): void {
    this.eventVersion += 1;
    const version = this.eventVersion;
    const event = { orderId: this.input.orderId, version, status: snapshotOf(this.status) };
    this.eventsInFlight.push(
      CancellationScope.nonCancellable(() => publishOrderEvent(event)).catch((error: unknown) =>
        log.warn('Order event gave up', { version, error: String(error) }),
      ),
    );
  }

  moveTo(state: OrderState, deadline?: { kind: DeadlineKind; inMs: number }): void {
    const now = Date.now();
    this.status.state = state;
    this.status.timeline.push({ state, at: iso(now) });
    this.status.deadline = deadline ? { kind: deadline.kind, at: iso(now + deadline.inMs) } : null;
    this.touch();
  }

  /** Records where the money stands, on orders that track it (not those charged up front). */
  moneyIs(money: MoneyState): void {
    if (this.status.money !== undefined) this.status.money = money;
  }

  /** The hold on the card is to be released, and the order then ends as `ending` says. */
  beginRelease(ending: Ending): void {
    this.ending = ending;
    if (ending.failureReason) this.status.failureReason = ending.failureReason;
    this.moveTo('Releasing hold');
  }

  /** Notifications run beside the order: a slow push service never holds up a state change. */
  notify(event: string, message: string): void {
    const id = `${this.workflowId}:${event}`;
    const sentAt = iso(Date.now());
    const record = (delivered: boolean) => {
      this.status.notifications.push({ id, event, message, at: sentAt, delivered });
      if (!this.quietNotificationRecords) this.touch();
    };
    this.notificationsInFlight.push(
      sendPushNotification({
        idempotencyKey: id,
        customerId: this.input.customerId,
        orderId: this.input.orderId,
        event,
        message,
      }).then(
        () => record(true),
        (error: unknown) => {
          log.warn('Notification gave up', { event, error: String(error) });
          record(false);
        },
      ),
    );
  }

  /**
   * Gives back whatever the provider holds for the order. False when the provider refused for
   * good or the retries ran out: the order then ends asking for an operator.
   */
  async refund(reason: string): Promise<boolean> {
    if (this.status.state !== 'Refunding') this.moveTo('Refunding');
    try {
      const { refundIds } = await refundOrder({
        orderId: this.input.orderId,
        idempotencyKey: `${this.workflowId}:refund`,
        reason,
      });
      this.status.refundId = refundIds[0] ?? null;
      this.moneyIs('refunded');
      return true;
    } catch (error) {
      if (!(error instanceof ActivityFailure) || !patched(PATCHES.refundFailureEndsOrder))
        throw error;
      log.error('Refund gave up', { error: String(error.cause ?? error) });
      this.moneyIs('refund failed');
      return false;
    }
  }

  /** The order ends in `state`, the customer is told, and nothing is left to wait for. */
  async end(state: OrderState, event: string, message: string): Promise<OrderResult> {
    this.moveTo(state);
    this.notify(event, message);
    return this.finish();
  }

  /**
   * Nothing is left to wait for: the notifications finish, the final state is stamped and, on
   * orders that publish events, the order completes once every event has landed.
   */
  async finish(): Promise<OrderResult> {
    // Nothing may change the order from here (a rating after an operator's cancel of a delivered
    // order would), so the event published below is its last. Older orders keep their histories.
    if (this.publishesEvents) this.ratingOpen = false;
    await Promise.all(this.notificationsInFlight);
    this.status.deadline = null;
    this.status.open = false;
    this.touch();
    if (this.publishesEvents) await Promise.all(this.eventsInFlight);
    return { ...this.status, outcomes: Object.fromEntries(this.outcomes) };
  }

  /** The first outcome of `requestId`, if it was answered. */
  answerTo(requestId: string): RequestAnswer | null {
    const outcome = this.outcomes.get(requestId);
    return outcome ? { outcome, status: this.status } : null;
  }

  hasAnswered(requestId: string): boolean {
    return this.outcomes.has(requestId);
  }

  recordOutcome(requestId: string, outcome: Outcome): void {
    if (this.outcomes.size >= MAX_OUTCOMES) {
      const oldest = this.outcomes.keys().next().value;
      if (oldest !== undefined) this.outcomes.delete(oldest);
    }
    this.outcomes.set(requestId, outcome);
  }
}
