'use client';

import { errorMessage } from '@delivery/ui/lib/api-errors';
import { SignedInAs } from '@delivery/ui/signed-in-as';
import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { forgetBoards } from '~/board/use-live-board';
import { trpc } from '~/trpc';

/** Who is signed in, and the way out. */
export function SessionActions() {
  const utils = trpc.useUtils();
  const queryClient = useQueryClient();
  const me = trpc.me.useQuery();
  const signOut = trpc.signOut.useMutation({
    onSuccess: () => {
      utils.me.setData(undefined, null);
      forgetBoards(queryClient);
      toast.success('Signed out. See you next shift!');
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
