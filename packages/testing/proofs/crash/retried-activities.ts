import type { OrderHandle } from '@delivery/workflows/client';

/**
 * Per activity type, how many of the order's activities needed more than one attempt: with a
 * sandbox that never fails on its own, a retried charge or refund is one a kill interrupted.
 */
export async function retriedActivities(handle: OrderHandle): Promise<Map<string, number>> {
  const events = (await handle.fetchHistory()).events ?? [];
  const typeOfScheduled = new Map<string, string>();
  const retried = new Map<string, number>();
  for (const event of events) {
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled)
      typeOfScheduled.set(String(event.eventId), scheduled.activityType?.name ?? 'unknown');
    const started = event.activityTaskStartedEventAttributes;
    if (started && (started.attempt ?? 1) > 1) {
      const type = typeOfScheduled.get(String(started.scheduledEventId)) ?? 'unknown';
      retried.set(type, (retried.get(type) ?? 0) + 1);
    }
  }
  return retried;
}
