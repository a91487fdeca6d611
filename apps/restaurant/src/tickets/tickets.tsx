'use client';

import type { OrderState, OrderSummary, Staff } from '@delivery/common';
import { LiveIndicator } from '@delivery/ui/live-indicator';
import { LoadMore } from '@delivery/ui/load-more';
import { oldestFirst } from '@delivery/ui/lib/order-rows';
import { QueryView } from '@delivery/ui/query-view';
import { soonestReady } from '@delivery/ui/lib/order-rows';
import { TicketColumn } from './ticket-column';
import { TicketsSkeleton } from './tickets-skeleton';
import { useLiveTickets } from './use-live-tickets';

const COLUMNS: {
  id: string;
  state: OrderState;
  title: string;
  empty: string;
  order: (a: OrderSummary, b: OrderSummary) => number;
}[] = [
  {
    id: 'waiting',
    state: 'Waiting for restaurant',
    title: 'New orders',
    empty: 'Orders appear here as customers place them. Answer them quickly.',
    order: oldestFirst,
  },
  {
    id: 'preparing',
    state: 'Preparing',
    title: 'Preparing',
    empty: 'Orders you accept appear here until you mark them ready.',
    order: soonestReady,
  },
  {
    id: 'ready',
    state: 'Ready for pickup',
    title: 'Ready for pickup',
    empty: 'Food you mark ready waits here until a driver picks it up.',
    order: oldestFirst,
  },
];

export function Tickets({ staff }: { staff: Staff }) {
  const { tickets, applyRows, live } = useLiveTickets(staff);
  const refetch = () => void tickets.refetch();
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Tickets</h1>
        {tickets.data && <LiveIndicator {...live} />}
      </div>
      <p className="mt-1 text-stone-600">
        Hi {staff.name}. A new order nobody answers within a couple of minutes is turned down for
        you.
      </p>
      <div className="mt-6">
        <QueryView
          query={tickets}
          loading={<TicketsSkeleton />}
          errorTitle="The tickets did not load"
        >
          {(data) => {
            const rows = data.pages.flatMap((page) => page.tickets);
            return (
              <>
                <div className="grid items-start gap-8 lg:grid-cols-3">
                  {COLUMNS.map(({ id, state, title, empty, order }) => (
                    <TicketColumn
                      key={id}
                      id={id}
                      title={title}
                      empty={empty}
                      tickets={rows.filter((row) => row.state === state).sort(order)}
                      onDone={applyRows}
                      onRefused={refetch}
                    />
                  ))}
                </div>
                <LoadMore query={tickets}>Load more tickets</LoadMore>
              </>
            );
          }}
        </QueryView>
      </div>
    </div>
  );
}
