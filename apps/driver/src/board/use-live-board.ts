'use client';

import { isOnBoard, type Driver, type OrderSummary } from '@delivery/common';
import { forgetPagedLists, useLivePagedList } from '@delivery/ui/lib/use-live-paged-list';
import type { QueryClient } from '@tanstack/react-query';
import { trpc } from '~/trpc';
import type { BoardPage } from './board-rows';

const BOARD_PAGE_SIZE = 20;

const BOARDS = 'driver-board';

/** Drops every loaded board, e.g. when the driver signs out. */
export const forgetBoards = (queryClient: QueryClient) => forgetPagedLists(queryClient, BOARDS);

const useBoardUpdates = (onRow: (row: OrderSummary) => void) =>
  trpc.boardUpdates.useSubscription(undefined, { onData: onRow });

/**
 * The driver's board: pages of one Visibility list each ("Load more" asks for the next), kept
 * live by the rows the `boardUpdates` subscription pushes, merged into the loaded pages: a row
 * stays while it is on this driver's board.
 */
export function useLiveBoard(driver: Driver) {
  const utils = trpc.useUtils();
  const { list, applyRows, live } = useLivePagedList<'orders', BoardPage>({
    scope: BOARDS,
    ownerId: driver.id,
    pageSize: BOARD_PAGE_SIZE,
    fetchPage: (input) => utils.client.getOrders.query(input),
    field: 'orders',
    belongs: isOnBoard,
    useUpdates: useBoardUpdates,
    onSignedOut: () => void utils.me.invalidate(),
  });
  return { board: list, applyRows, live };
}
