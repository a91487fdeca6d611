import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import { CARD_DECLINED } from '@delivery/common/failure-types';

export function isCardDeclined(
  error: unknown,
): error is ActivityFailure & { cause: ApplicationFailure } {
  return (
    error instanceof ActivityFailure &&
    error.cause instanceof ApplicationFailure &&
    error.cause.type === CARD_DECLINED
  );
}
