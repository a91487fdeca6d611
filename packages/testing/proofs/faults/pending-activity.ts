import type { OrderHandle } from '@delivery/workflows/client';

export interface PendingActivity {
  attempt: number;
  lastFailure: string | undefined;
}

/** The order's `activityType` call as Temporal sees it while it is still being retried, if it is. */
export async function pendingActivity(
  handle: OrderHandle,
  activityType: string,
): Promise<PendingActivity | undefined> {
  const { raw } = await handle.describe();
  const pending = raw.pendingActivities?.find(
    (activity) => activity.activityType?.name === activityType,
  );
  return pending
    ? { attempt: pending.attempt ?? 1, lastFailure: pending.lastFailure?.message ?? undefined }
    : undefined;
}
