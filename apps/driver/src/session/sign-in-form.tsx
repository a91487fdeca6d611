'use client';

import { DEMO_PASSWORD } from '@delivery/common';
import { ScooterIcon } from '@delivery/ui/icons';
import { SignInCard } from '@delivery/ui/sign-in-card';
import { toast } from 'sonner';
import { trpc } from '~/trpc';

export function SignInForm() {
  const utils = trpc.useUtils();
  const signIn = trpc.signIn.useMutation({
    onSuccess: ({ driver }) => {
      utils.me.setData(undefined, driver);
      toast.success(`Signed in as ${driver.name}.`);
    },
  });
  return (
    <SignInCard
      heading="Start your shift"
      intro="Sign in to see orders waiting for pickup."
      icon={<ScooterIcon className="size-7" />}
      signIn={signIn}
      testIdPrefix="driver"
      demoAccount={
        process.env.NODE_ENV === 'production'
          ? undefined
          : { email: 'dana@example.com', password: DEMO_PASSWORD }
      }
    />
  );
}
