'use client';

import type { OrderSummary } from '@delivery/common';
import { newestFirst, upsertRow } from '@delivery/ui/lib/order-rows';
import { useLiveRows } from '@delivery/ui/lib/use-live-rows';
import { liveState } from '@delivery/ui/lib/live-state';
import { useCallback } from 'react';
import { trpc } from '~/trpc';

/**
 * This browser's orders: one list call, then the rows that change are pushed over SSE and
 * merged into the cached list. No polling, whatever the number of orders.
 */
export function useLiveMyOrders() {
  const utils = trpc.useUtils();
  const orders = trpc.myOrders.useQuery();
  const apply = useCallback(
    (changed: readonly OrderSummary[]) =>
      utils.myOrders.setData(undefined, (rows) =>
        rows ? changed.reduce(upsertRow, rows).sort(newestFirst) : rows,
      ),
    [utils],
  );
  const onRow = useLiveRows(orders.data, apply);
  const live = trpc.myOrderUpdates.useSubscription(undefined, { onData: onRow });
  return { orders, live: liveState(live) };
}
