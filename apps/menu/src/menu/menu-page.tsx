'use client';

import { Card } from '@delivery/ui/card';
import { LoadingRegion, Skeleton } from '@delivery/ui/skeleton';
import { QueryView } from '@delivery/ui/query-view';
import { CartPanel } from '~/cart/cart-panel';
import { MobileCartBar } from '~/cart/mobile-cart-bar';
import { trpc } from '~/trpc';
import { DishCard } from './dish-card';

export function MenuPage() {
  const products = trpc.products.useQuery(undefined, { staleTime: Infinity });
  return (
    <QueryView query={products} loading={<MenuSkeleton />} errorTitle="The menu did not load">
      {(dishes) => (
        <div className="grid items-start gap-8 pb-20 lg:grid-cols-[minmax(0,1fr)_22rem] lg:pb-0">
          <section aria-labelledby="menu-heading">
            <MenuHeading />
            <ul className="mt-6 grid gap-3 sm:grid-cols-2 sm:gap-5 xl:grid-cols-3">
              {dishes.map((product) => (
                <DishCard key={product.id} product={product} />
              ))}
            </ul>
          </section>
          <CartPanel products={dishes} />
          <MobileCartBar products={dishes} />
        </div>
      )}
    </QueryView>
  );
}

function MenuHeading() {
  return (
    <header>
      <h1 id="menu-heading" className="text-2xl font-bold tracking-tight sm:text-3xl">
        Today’s menu
      </h1>
      <p className="mt-1 text-stone-600">
        Cooked to order and brought to your door. Pick a few dishes, then place your order.
      </p>
    </header>
  );
}

function MenuSkeleton() {
  return (
    <LoadingRegion label="Loading the menu…">
      <div className="grid items-start gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div>
          <Skeleton className="h-9 w-56" />
          <Skeleton className="mt-2 h-5 w-80 max-w-full" />
          <div className="mt-6 grid gap-3 sm:grid-cols-2 sm:gap-5 xl:grid-cols-3">
            {Array.from({ length: 6 }, (_, index) => (
              <Card key={index} className="flex overflow-hidden sm:block">
                <Skeleton className="w-28 shrink-0 rounded-none sm:aspect-4/3 sm:w-auto" />
                <div className="flex-1 space-y-2 p-3 sm:p-4">
                  <Skeleton className="h-5 w-2/3" />
                  <Skeleton className="h-4" />
                  <Skeleton className="h-11 w-24" />
                </div>
              </Card>
            ))}
          </div>
        </div>
        <Skeleton className="h-96 rounded-2xl" />
      </div>
    </LoadingRegion>
  );
}
