'use client';

import { QueryView } from '@delivery/ui/query-view';
import { LoadingRegion, Skeleton } from '@delivery/ui/skeleton';
import { Board } from '~/board/board';
import { trpc } from '~/trpc';
import { SignInForm } from './sign-in-form';

/** The board for a signed-in driver, the sign-in form for anyone else. */
export function SessionGate() {
  const me = trpc.me.useQuery();
  return (
    <QueryView query={me} loading={<GateSkeleton />} errorTitle="Could not check your session">
      {(driver) => (driver ? <Board driver={driver} /> : <SignInForm />)}
    </QueryView>
  );
}

function GateSkeleton() {
  return (
    <LoadingRegion label="Loading…">
      <Skeleton className="h-9 w-48" />
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Skeleton className="h-64 rounded-2xl" />
        <Skeleton className="h-64 rounded-2xl" />
      </div>
    </LoadingRegion>
  );
}
