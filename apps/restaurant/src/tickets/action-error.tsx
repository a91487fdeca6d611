import { errorMessage } from '@delivery/ui/lib/api-errors';

/** Why an action did not take effect, in the server's words, next to the control that tried. */
export function ActionError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p role="alert" className="text-sm text-red-700" data-testid="action-error">
      {errorMessage(error)}
    </p>
  );
}
