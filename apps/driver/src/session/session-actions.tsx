'use client';

import { Button } from '@delivery/ui/button';
import { errorMessage } from '@delivery/ui/lib/api-errors';
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
    <>
      <span className="hidden text-sm text-stone-700 sm:inline">
        Signed in as <span className="font-semibold text-stone-900">{me.data.name}</span>
      </span>
      <Button
        variant="secondary"
        size="sm"
        pending={signOut.isPending}
        onClick={() => signOut.mutate()}
        data-testid="sign-out"
      >
        Sign out
      </Button>
    </>
  );
}
