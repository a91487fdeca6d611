import type { OrderHandle } from '@delivery/workflows/client';

export interface PendingCharge {
  attempt: number;
  lastFailure: string | undefined;
}

/** The order's charge as Temporal sees it while it is still being retried, if it is. */
export async function pendingCharge(handle: OrderHandle): Promise<PendingCharge | undefined> {
  const { raw } = await handle.describe();
  const charge = raw.pendingActivities?.find(
    (activity) => activity.activityType?.name === 'chargeCustomer',
  );
  return charge
    ? { attempt: charge.attempt ?? 1, lastFailure: charge.lastFailure?.message ?? undefined }
    : undefined;
}
