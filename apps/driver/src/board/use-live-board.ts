'use client';

import type { Driver, OrderSummary } from '@delivery/common';
import { errorCode } from '@delivery/ui/lib/api-errors';
import { useLiveRows } from '@delivery/ui/lib/use-live-rows';
import { liveState } from '@delivery/ui/lib/live-state';
import {
  useInfiniteQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { trpc } from '~/trpc';
import { mergeBoardRows, type BoardPage, type Departed } from './board-rows';

const BOARD_PAGE_SIZE = 20;

const BOARDS = 'driver-board';
const boardKey = (driverId: string) => [BOARDS, driverId] as const;

/** Drops every loaded board, e.g. when the driver signs out. */
export const forgetBoards = (queryClient: QueryClient) =>
  queryClient.removeQueries({ queryKey: [BOARDS] });

/**
 * The driver's board: pages of one Visibility list each ("Load more" asks for the next), kept
 * live by the rows the `boardUpdates` subscription pushes, merged into the loaded pages.
 *
 * The pages are fetched with TanStack's own infinite query rather than tRPC's hook: that one adds
 * a `direction` key to the input, which the strict `getOrders` input schema refuses.
 */
export function useLiveBoard(driver: Driver) {
  const utils = trpc.useUtils();
  const queryClient = useQueryClient();
  const departed = useRef<Departed>(new Map());
  const queryKey = boardKey(driver.id);
  const board = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) =>
      utils.client.getOrders.query({
        limit: BOARD_PAGE_SIZE,
        ...(pageParam ? { cursor: pageParam } : {}),
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

  const applyRows = useCallback(
    (rows: readonly OrderSummary[]) =>
      queryClient.setQueryData<InfiniteData<BoardPage, string | null>>(
        boardKey(driver.id),
        (data) => data && mergeBoardRows(data, rows, driver.id, departed.current),
      ),
    [queryClient, driver.id],
  );
  const onRow = useLiveRows(board.data, applyRows);
  const live = trpc.boardUpdates.useSubscription(undefined, { onData: onRow });

  // An expired session: ask who is signed in again, which brings back the sign-in form.
  const signedOut = errorCode(board.error) === 'UNAUTHORIZED';
  useEffect(() => {
    if (signedOut) void utils.me.invalidate();
  }, [signedOut, utils]);

  return { board, applyRows, live: liveState(live) };
}
