'use client';

import { MAX_DRIVER_NAME_LENGTH } from '@delivery/common';
import { Button } from '@delivery/ui/button';
import { Card } from '@delivery/ui/card';
import { TextField } from '@delivery/ui/field';
import { ScooterIcon } from '@delivery/ui/icons';
import { errorCode, errorMessage } from '@delivery/ui/lib/api-errors';
import { useState } from 'react';
import { toast } from 'sonner';
import { trpc } from '~/trpc';

/** A name is enough, unless the server is set up with a passcode: then it asks for that too. */
export function SignInForm() {
  const utils = trpc.useUtils();
  const [name, setName] = useState('');
  const [passcode, setPasscode] = useState('');
  const [askPasscode, setAskPasscode] = useState(false);
  const signIn = trpc.signIn.useMutation({
    onSuccess: ({ driver }) => {
      utils.me.setData(undefined, driver);
      toast.success(`Signed in as ${driver.name}.`);
    },
    onError: (error) => {
      if (errorCode(error) === 'UNAUTHORIZED') setAskPasscode(true);
    },
  });
  const passcodeMissing =
    errorCode(signIn.error) === 'UNAUTHORIZED' && signIn.variables?.passcode === undefined;
  const error = passcodeMissing
    ? 'This board asks for a passcode.'
    : signIn.error
      ? errorMessage(signIn.error)
      : undefined;

  return (
    <Card
      as="section"
      aria-labelledby="sign-in-heading"
      className="mx-auto mt-4 max-w-md p-6 sm:p-8"
    >
      <div className="mb-6 flex items-center gap-3">
        <span className="grid size-12 place-items-center rounded-2xl bg-brand-50 text-brand-700">
          <ScooterIcon className="size-7" />
        </span>
        <div>
          <h1 id="sign-in-heading" className="text-xl font-bold">
            Start your shift
          </h1>
          <p className="text-sm text-stone-600">Sign in to see orders waiting for pickup.</p>
        </div>
      </div>
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          signIn.mutate({ name: name.trim(), ...(askPasscode ? { passcode } : {}) });
        }}
      >
        <TextField
          label="Your name"
          name="name"
          autoComplete="name"
          required
          maxLength={MAX_DRIVER_NAME_LENGTH}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={askPasscode ? undefined : error}
          data-testid="driver-name"
        />
        {askPasscode && (
          <TextField
            label="Passcode"
            name="passcode"
            type="password"
            autoComplete="current-password"
            autoFocus
            value={passcode}
            onChange={(event) => setPasscode(event.target.value)}
            error={error}
            data-testid="driver-passcode"
          />
        )}
        <Button
          type="submit"
          size="lg"
          className="w-full"
          disabled={name.trim() === ''}
          pending={signIn.isPending}
          pendingLabel="Signing in…"
          data-testid="sign-in"
        >
          Sign in
        </Button>
      </form>
    </Card>
  );
}
