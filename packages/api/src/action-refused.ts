import type { Refusal } from '@delivery/workflows/contract';

/** The order refused an action, with the reason a person can act on. */
export class ActionRefusedError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
    this.name = 'ActionRefusedError';
  }
}
