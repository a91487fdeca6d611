import { Button } from './button';

export interface SignedInAsProps {
  name: string;
  signingOut: boolean;
  onSignOut: () => void;
}

/** Who is signed in to a staff site, and the way out. */
export function SignedInAs({ name, signingOut, onSignOut }: SignedInAsProps) {
  return (
    <>
      <span className="hidden text-sm text-stone-700 sm:inline">
        Signed in as <span className="font-semibold text-stone-900">{name}</span>
      </span>
      <Button
        variant="secondary"
        size="sm"
        pending={signingOut}
        onClick={onSignOut}
        data-testid="sign-out"
      >
        Sign out
      </Button>
    </>
  );
}
