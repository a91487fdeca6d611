'use client';

import { errorMessage } from '@delivery/ui/lib/api-errors';
import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { forgetTickets } from '~/tickets/use-live-tickets';
import { trpc } from '~/trpc';
import { SignedInAs } from '@delivery/ui/signed-in-as';

export function SessionActions() {
  const utils = trpc.useUtils();
  const queryClient = useQueryClient();
  const me = trpc.me.useQuery();
  const signOut = trpc.signOut.useMutation({
    onSuccess: () => {
      utils.me.setData(undefined, null);
      forgetTickets(queryClient);
      toast.success('Signed out. The pass is closed on this screen.');
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  if (!me.data) return null;
  return (
    <SignedInAs
      name={me.data.name}
      signingOut={signOut.isPending}
      onSignOut={() => signOut.mutate()}
    />
  );
}
