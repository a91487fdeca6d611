import { defaultPayloadConverter, type Client } from '@temporalio/client';
import type { OrderEvent } from '@delivery/events';
import { workflowIdOf } from '@delivery/workflows/contract';
import { percentile } from './convergence';

type HistoryEvent = NonNullable<
  Awaited<ReturnType<ReturnType<Client['workflow']['getHandle']>['fetchHistory']>>['events']
>[number];

export interface PublishTiming {
  version: number;
  state: string;
  open: boolean;
  scheduledAt: number;
  /** When a worker took its last attempt. */
  startedAt: number | null;
  /** When the broker took it (the activity completed); `null` if it never did. */
  landedAt: number | null;
  attempts: number;
}

const timeOf = (event: HistoryEvent): number => {
  const { seconds, nanos } = event.eventTime ?? {};
  return Number(String(seconds ?? 0)) * 1000 + Math.round((nanos ?? 0) / 1e6);
};

/** Every `publishOrderEvent` of the order, from its history: when it was asked for and when it landed. */
export async function publishTimings(client: Client, orderId: string): Promise<PublishTiming[]> {
  const history = await client.workflow.getHandle(workflowIdOf(orderId)).fetchHistory();
  const timings = new Map<string, PublishTiming>();
  for (const event of history.events ?? []) {
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled?.activityType?.name === 'publishOrderEvent') {
      const published = defaultPayloadConverter.fromPayload<OrderEvent>(
        scheduled.input!.payloads![0]!,
      );
      timings.set(String(event.eventId), {
        version: published.version,
        state: published.status.state,
        open: published.status.open,
        scheduledAt: timeOf(event),
        startedAt: null,
        landedAt: null,
        attempts: 0,
      });
    }
    const started = event.activityTaskStartedEventAttributes;
    const timing = timings.get(String(started?.scheduledEventId));
    if (started && timing) {
      timing.attempts = started.attempt ?? 1;
      timing.startedAt = timeOf(event);
    }
    const completed = event.activityTaskCompletedEventAttributes;
    const landed = timings.get(String(completed?.scheduledEventId));
    if (landed) landed.landedAt = timeOf(event);
  }
  return [...timings.values()];
}

const spread = (ms: number[]): string => {
  const sorted = [...ms].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 0.5)} ms, p95 ${percentile(sorted, 0.95)} ms, max ${sorted.at(-1) ?? 0} ms`;
};

/** Where an event's time went, over every event: waiting for a worker, then the broker's write. */
export function publishStages(timings: PublishTiming[]): string {
  const landed = timings.filter((timing) => timing.startedAt !== null && timing.landedAt !== null);
  const queued = landed.map((timing) => timing.startedAt! - timing.scheduledAt);
  const writing = landed.map((timing) => timing.landedAt! - timing.startedAt!);
  return (
    `${timings.length} events, ${landed.filter((timing) => timing.attempts > 1).length} retried; ` +
    `waiting for a worker ${spread(queued)}; last attempt to landing ${spread(writing)}`
  );
}
