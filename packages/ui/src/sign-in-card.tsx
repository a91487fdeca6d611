'use client';

import { MAX_EMAIL_LENGTH, MAX_PASSWORD_LENGTH, type SignInInput } from '@delivery/common';
import { useState, type ReactNode } from 'react';
import { Button } from './button';
import { Card } from './card';
import { TextField } from './field';
import { errorMessage } from './lib/api-errors';

/** The parts of a `signIn` mutation the card drives and shows. */
export interface SignInMutation {
  mutate: (input: SignInInput) => void;
  isPending: boolean;
  error: unknown;
}

export interface SignInCardProps {
  heading: string;
  intro: string;
  icon: ReactNode;
  signIn: SignInMutation;
  /** Prefixes the fields' test ids: `${testIdPrefix}-email`, `${testIdPrefix}-password`. */
  testIdPrefix: string;
  /** A demo account to offer, in development only (its password is public). */
  demoAccount?: { email: string; password: string };
}

/**
 * A staff member's sign-in with their email and password. The API's refusals are already worded
 * for people: a wrong password, an account of the other site, or how long to wait after too many
 * failures. Site-agnostic: the site passes its mutation.
 */
export function SignInCard({
  heading,
  intro,
  icon,
  signIn,
  testIdPrefix,
  demoAccount,
}: SignInCardProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

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
          signIn.mutate({ email: email.trim(), password });
        }}
      >
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          required
          maxLength={MAX_EMAIL_LENGTH}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          data-testid={`${testIdPrefix}-email`}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={MAX_PASSWORD_LENGTH}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={signIn.error ? errorMessage(signIn.error) : undefined}
          data-testid={`${testIdPrefix}-password`}
        />
        <Button
          type="submit"
          size="lg"
          className="w-full"
          disabled={email.trim() === '' || password === ''}
          pending={signIn.isPending}
          pendingLabel="Signing in…"
          data-testid="sign-in"
        >
          Sign in
        </Button>
      </form>
      {demoAccount && (
        <p className="mt-4 text-sm text-stone-600" data-testid="demo-account">
          Trying it out? Sign in as <strong>{demoAccount.email}</strong> with the password{' '}
          <strong>{demoAccount.password}</strong>.{' '}
          <button
            type="button"
            className="font-medium text-brand-700 underline"
            onClick={() => {
              setEmail(demoAccount.email);
              setPassword(demoAccount.password);
            }}
          >
            Fill it in
          </button>
        </p>
      )}
    </Card>
  );
}
