'use client';

import type { OrderSummary, Staff } from '@delivery/common';
import { forgetPagedLists, useLivePagedList } from '@delivery/ui/lib/use-live-paged-list';
import type { QueryClient } from '@tanstack/react-query';
import { trpc } from '~/trpc';
import { isTicket, type TicketPage } from './ticket-rows';

const TICKET_PAGE_SIZE = 20;

const TICKETS = 'restaurant-tickets';

/** Drops every loaded list of tickets, e.g. when the staff member signs out. */
export const forgetTickets = (queryClient: QueryClient) => forgetPagedLists(queryClient, TICKETS);

const useTicketUpdates = (onRow: (row: OrderSummary) => void) =>
  trpc.ticketUpdates.useSubscription(undefined, { onData: onRow });

/**
 * The kitchen's tickets: pages of one Visibility list each ("Load more" asks for the next), kept
 * live by the rows the `ticketUpdates` subscription pushes, merged into the loaded pages: a row
 * stays while it is a ticket, and leaves the list once it has left the kitchen.
 */
export function useLiveTickets(staff: Staff) {
  const utils = trpc.useUtils();
  const { list, applyRows, live } = useLivePagedList<'tickets', TicketPage>({
    scope: TICKETS,
    ownerId: staff.id,
    pageSize: TICKET_PAGE_SIZE,
    fetchPage: (input) => utils.client.getTickets.query(input),
    field: 'tickets',
    belongs: isTicket,
    useUpdates: useTicketUpdates,
    onSignedOut: () => void utils.me.invalidate(),
  });
  return { tickets: list, applyRows, live };
}
