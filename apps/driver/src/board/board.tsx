'use client';

import type { Driver, OrderSummary } from '@delivery/common';
import { LiveIndicator } from '@delivery/ui/live-indicator';
import { LoadMore } from '@delivery/ui/load-more';
import { oldestFirst, soonestReady } from '@delivery/ui/lib/order-rows';
import { OrderSection, OrderSectionSkeleton } from '@delivery/ui/order-section';
import { QueryView } from '@delivery/ui/query-view';
import { LoadingRegion } from '@delivery/ui/skeleton';
import type { ReactNode } from 'react';
import { sectionOf, type BoardSectionName } from './board-rows';
import { BoardOrderCard } from './board-order-card';
import { DeliverButton, PickUpButton } from './order-actions';
import { useLiveBoard } from './use-live-board';

export function Board({ driver }: { driver: Driver }) {
  const { board, applyRows, live } = useLiveBoard(driver);
  const refetch = () => void board.refetch();
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Board</h1>
        {board.data && <LiveIndicator {...live} />}
      </div>
      <p className="mt-1 text-stone-600">
        Hi {driver.name}. Oldest orders come first: they are the closest to their deadline. Food
        still cooking is listed under “Coming up” with the time the kitchen promised it.
      </p>
      <div className="mt-6">
        <QueryView query={board} loading={<BoardSkeleton />} errorTitle="The board did not load">
          {(data) => {
            const rows = data.pages.flatMap((page) => page.orders).sort(oldestFirst);
            const inSection = (name: BoardSectionName) =>
              rows.filter((row) => sectionOf(row) === name);
            const mine = inSection('yours');
            return (
              <>
                <div className="grid items-start gap-8 lg:grid-cols-3">
                  <div className="space-y-8 lg:col-span-2">
                    <BoardSection
                      id="waiting"
                      title="Ready for pickup"
                      orders={inSection('waiting')}
                      empty="No food is waiting. Orders appear here as soon as the kitchen has them ready."
                      listClassName="sm:grid-cols-2"
                      action={(order) => (
                        <PickUpButton
                          orderId={order.orderId}
                          onDone={applyRows}
                          onRefused={refetch}
                        />
                      )}
                    />
                    <BoardSection
                      id="coming-up"
                      title="Coming up"
                      orders={inSection('comingUp').sort(soonestReady)}
                      empty="Nothing is cooking. Orders the kitchen accepts appear here with their ready time."
                      listClassName="sm:grid-cols-2"
                    />
                  </div>
                  <BoardSection
                    id="yours"
                    title="Your deliveries"
                    orders={mine}
                    empty="Orders you pick up appear here until you deliver them."
                    className={mine.length > 0 ? 'order-first lg:order-none' : undefined}
                    action={(order) => (
                      <DeliverButton
                        orderId={order.orderId}
                        onDone={applyRows}
                        onRefused={refetch}
                      />
                    )}
                  />
                </div>
                <LoadMore query={board}>Load more orders</LoadMore>
              </>
            );
          }}
        </QueryView>
      </div>
    </div>
  );
}

interface BoardSectionProps {
  id: string;
  title: string;
  orders: readonly OrderSummary[];
  empty: string;
  /** What the driver can do with an order in this section; nothing for food still cooking. */
  action?: (order: OrderSummary) => ReactNode;
  className?: string;
  listClassName?: string;
}

function BoardSection({ action, ...section }: BoardSectionProps) {
  return (
    <OrderSection
      {...section}
      renderOrder={(order) => (
        <BoardOrderCard key={order.orderId} order={order} action={action?.(order)} />
      )}
    />
  );
}

function BoardSkeleton() {
  return (
    <LoadingRegion label="Loading the board…">
      <div className="grid gap-8 lg:grid-cols-3">
        <OrderSectionSkeleton titleWidth="w-48" className="lg:col-span-2" />
        <OrderSectionSkeleton titleWidth="w-48" />
      </div>
    </LoadingRegion>
  );
}
