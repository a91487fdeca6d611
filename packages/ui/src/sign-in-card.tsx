'use client';

import { MAX_DRIVER_NAME_LENGTH } from '@delivery/common';
import { useState, type ReactNode } from 'react';
import { Button } from './button';
import { Card } from './card';
import { TextField } from './field';
import { errorCode, errorMessage } from './lib/api-errors';

export interface SignInInput {
  name: string;
  passcode?: string;
}

/** The parts of a `signIn` mutation the card drives and shows. */
export interface SignInMutation {
  mutate: (input: SignInInput) => void;
  isPending: boolean;
  error: unknown;
  variables: SignInInput | undefined;
}

export interface SignInCardProps {
  heading: string;
  intro: string;
  icon: ReactNode;
  signIn: SignInMutation;
  /** Prefixes the fields' test ids: `${testIdPrefix}-name`, `${testIdPrefix}-passcode`. */
  testIdPrefix: string;
}

/**
 * A staff member's sign-in: a name is enough, unless the server is set up with a passcode; then,
 * once it has said so, the card asks for that too. Site-agnostic: the site passes its mutation.
 */
export function SignInCard({ heading, intro, icon, signIn, testIdPrefix }: SignInCardProps) {
  const [name, setName] = useState('');
  const [passcode, setPasscode] = useState('');
  const refused = errorCode(signIn.error) === 'UNAUTHORIZED';
  const askPasscode = refused || signIn.variables?.passcode !== undefined;
  const error =
    refused && signIn.variables?.passcode === undefined
      ? 'This site asks for a passcode.'
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
          {icon}
        </span>
        <div>
          <h1 id="sign-in-heading" className="text-xl font-bold">
            {heading}
          </h1>
          <p className="text-sm text-stone-600">{intro}</p>
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
          data-testid={`${testIdPrefix}-name`}
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
            data-testid={`${testIdPrefix}-passcode`}
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
