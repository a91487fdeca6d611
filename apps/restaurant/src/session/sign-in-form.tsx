'use client';

import { DEMO_PASSWORD } from '@delivery/common';
import { BellIcon } from '@delivery/ui/icons';
import { toast } from 'sonner';
import { trpc } from '~/trpc';
import { SignInCard } from '@delivery/ui/sign-in-card';

export function SignInForm() {
  const utils = trpc.useUtils();
  const signIn = trpc.signIn.useMutation({
    onSuccess: ({ staff }) => {
      utils.me.setData(undefined, staff);
      toast.success(`Signed in as ${staff.name}.`);
    },
  });
  return (
    <SignInCard
      heading="Open the pass"
      intro="Sign in to see the kitchen's tickets."
      icon={<BellIcon className="size-7" />}
      signIn={signIn}
      testIdPrefix="staff"
      demoAccount={
        process.env.NODE_ENV === 'production'
          ? undefined
          : { email: 'kitchen@example.com', password: DEMO_PASSWORD }
      }
    />
  );
}
