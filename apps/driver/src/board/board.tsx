'use client';

import type { Driver, OrderSummary } from '@delivery/common';
import { Button } from '@delivery/ui/button';
import { Card } from '@delivery/ui/card';
import { EmptyState } from '@delivery/ui/empty-state';
import { LiveIndicator } from '@delivery/ui/live-indicator';
import { cx } from '@delivery/ui/lib/cx';
import { oldestFirst, soonestReady } from '@delivery/ui/lib/order-rows';
import { QueryView } from '@delivery/ui/query-view';
import { LoadingRegion, Skeleton } from '@delivery/ui/skeleton';
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
                {board.hasNextPage && (
                  <div className="mt-8 flex justify-center">
                    <Button
                      variant="secondary"
                      pending={board.isFetchingNextPage}
                      pendingLabel="Loading more…"
                      onClick={() => void board.fetchNextPage()}
                      data-testid="load-more"
                    >
                      Load more orders
                    </Button>
                  </div>
                )}
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

function BoardSection(props: BoardSectionProps) {
  const { id, title, orders, empty, action, className, listClassName } = props;
  return (
    <section aria-labelledby={`${id}-heading`} className={className} data-testid={`section-${id}`}>
      <h2 id={`${id}-heading`} className="mb-3 flex items-center gap-2 text-lg font-bold">
        {title}
        <span className="rounded-full bg-stone-200 px-2 py-0.5 text-xs font-semibold text-stone-800 tabular-nums">
          {orders.length}
        </span>
      </h2>
      {orders.length === 0 ? (
        <EmptyState title="Nothing here right now">{empty}</EmptyState>
      ) : (
        <ul className={cx('grid items-start gap-4', listClassName)}>
          {orders.map((order) => (
            <BoardOrderCard key={order.orderId} order={order} action={action?.(order)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function BoardSkeleton() {
  return (
    <LoadingRegion label="Loading the board…">
      <div className="grid gap-8 lg:grid-cols-3">
        {[0, 1].map((column) => (
          <div key={column} className={cx('space-y-4', column === 0 && 'lg:col-span-2')}>
            <Skeleton className="h-7 w-48" />
            <Card className="space-y-3 p-4">
              <Skeleton className="h-5 w-1/2" />
              <Skeleton className="h-16" />
              <Skeleton className="h-11" />
            </Card>
          </div>
        ))}
      </div>
    </LoadingRegion>
  );
}
