'use client';

import { QueryView } from '@delivery/ui/query-view';
import { Tickets } from '~/tickets/tickets';
import { TicketsSkeleton } from '~/tickets/tickets-skeleton';
import { trpc } from '~/trpc';
import { SignInForm } from './sign-in-form';

/** The tickets for signed-in staff, the sign-in form for anyone else. */
export function SessionGate() {
  const me = trpc.me.useQuery();
  return (
    <QueryView query={me} loading={<TicketsSkeleton />} errorTitle="Could not check your session">
      {(staff) => (staff ? <Tickets staff={staff} /> : <SignInForm />)}
    </QueryView>
  );
}
