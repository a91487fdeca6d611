'use client';

import type { OrderSummary, Staff } from '@delivery/common';
import { errorCode } from '@delivery/ui/lib/api-errors';
import { liveState } from '@delivery/ui/lib/live-state';
import { useLiveRows } from '@delivery/ui/lib/use-live-rows';
import {
  useInfiniteQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { trpc } from '~/trpc';
import { mergeTicketRows, type Departed, type TicketPage } from './ticket-rows';

const TICKET_PAGE_SIZE = 20;

const TICKETS = 'restaurant-tickets';
const ticketsKey = (staffId: string) => [TICKETS, staffId] as const;

/** Drops every loaded list of tickets, e.g. when the staff member signs out. */
export const forgetTickets = (queryClient: QueryClient) =>
  queryClient.removeQueries({ queryKey: [TICKETS] });

/**
 * The kitchen's tickets: pages of one Visibility list each ("Load more" asks for the next), kept
 * live by the rows the `ticketUpdates` subscription pushes, merged into the loaded pages.
 *
 * Fetched with TanStack's own infinite query, as the driver's board is: tRPC's hook adds a
 * `direction` key to the input, which the strict `getTickets` input schema refuses.
 */
export function useLiveTickets(staff: Staff) {
  const utils = trpc.useUtils();
  const queryClient = useQueryClient();
  const departed = useRef<Departed>(new Map());
  const tickets = useInfiniteQuery({
    queryKey: ticketsKey(staff.id),
    queryFn: ({ pageParam }) =>
      utils.client.getTickets.query({
        limit: TICKET_PAGE_SIZE,
        ...(pageParam ? { cursor: pageParam } : {}),
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

  const applyRows = useCallback(
    (rows: readonly OrderSummary[]) =>
      queryClient.setQueryData<InfiniteData<TicketPage, string | null>>(
        ticketsKey(staff.id),
        (data) => data && mergeTicketRows(data, rows, departed.current),
      ),
    [queryClient, staff.id],
  );
  const onRow = useLiveRows(tickets.data, applyRows);
  const live = trpc.ticketUpdates.useSubscription(undefined, { onData: onRow });

  // An expired session: ask who is signed in again, which brings back the sign-in form.
  const signedOut = errorCode(tickets.error) === 'UNAUTHORIZED';
  useEffect(() => {
    if (signedOut) void utils.me.invalidate();
  }, [signedOut, utils]);

  return { tickets, applyRows, live: liveState(live) };
}
