'use client';

import type { OrderStatus } from '@delivery/common';
import { isNewer } from '@delivery/ui/lib/order-rows';
import { liveState } from '@delivery/ui/lib/live-state';
import { skipToken } from '@tanstack/react-query';
import { useCallback } from 'react';
import { trpc } from '~/trpc';

/** Puts a status the API returned (from an action or a live update) into the cached order. */
export function useApplyOrderStatus(orderId: string): (status: OrderStatus) => void {
  const utils = trpc.useUtils();
  return useCallback(
    (status: OrderStatus) =>
      utils.getOrderStatus.setData({ orderId }, (current) =>
        isNewer(status, current) ? status : current,
      ),
    [utils, orderId],
  );
}

/**
 * One order, kept live: the query answers first, then the subscription pushes every change over
 * SSE (it starts with the current status, so nothing between the two is lost). Once the order
 * has nothing left to wait for, the subscription closes.
 */
export function useLiveOrder(orderId: string) {
  const order = trpc.getOrderStatus.useQuery({ orderId });
  const applyStatus = useApplyOrderStatus(orderId);
  const stillOpen = order.data?.open ?? false;
  const live = trpc.orderUpdates.useSubscription(stillOpen ? { orderId } : skipToken, {
    onData: applyStatus,
  });
  return { order, live: liveState(live) };
}
