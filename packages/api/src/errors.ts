import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { WorkflowNotFoundError } from '@temporalio/client';
import { z } from 'zod';
import { SignInThrottledError, WrongCredentialsError, WrongSiteError } from '@delivery/accounts';
import { UnknownProductError } from '@delivery/common';
import { OrderNotAnsweringError } from '@delivery/workflows/client';
import { REFUSAL_TYPES, orderIdOf, type RefusalType } from '@delivery/workflows/contract';
import { TooManyOrdersError } from './order-rate-limit';
import { InvalidCursorError } from './session/errors';
import {
  ActionRefusedError,
  OrderIdTakenError,
  OrderNotFoundError,
  TemporalUnavailableError,
} from './temporal/errors';

/**
 * The code each domain error is answered with; its message is already one a person can act on.
 * The only place that knows both the domain's errors and tRPC's.
 */
const DOMAIN_CODES: [new (...args: never[]) => Error, TRPC_ERROR_CODE_KEY][] = [
  [TemporalUnavailableError, 'SERVICE_UNAVAILABLE'],
  [OrderNotAnsweringError, 'SERVICE_UNAVAILABLE'],
  [OrderNotFoundError, 'NOT_FOUND'],
  [OrderIdTakenError, 'CONFLICT'],
  [UnknownProductError, 'BAD_REQUEST'],
  [InvalidCursorError, 'BAD_REQUEST'],
  [WrongCredentialsError, 'UNAUTHORIZED'],
  [WrongSiteError, 'FORBIDDEN'],
  [SignInThrottledError, 'TOO_MANY_REQUESTS'],
  [TooManyOrdersError, 'TOO_MANY_REQUESTS'],
];

const REFUSAL_CODES: Record<RefusalType, TRPC_ERROR_CODE_KEY> = {
  [REFUSAL_TYPES.invalidArgument]: 'BAD_REQUEST',
  [REFUSAL_TYPES.wrongState]: 'CONFLICT',
  [REFUSAL_TYPES.wrongDriver]: 'CONFLICT',
};

function codeOf(error: Error): TRPC_ERROR_CODE_KEY | undefined {
  if (error instanceof ActionRefusedError) return REFUSAL_CODES[error.refusal.type] ?? 'CONFLICT';
  return DOMAIN_CODES.find(([type]) => error instanceof type)?.[1];
}

/** The tRPC error a person can act on for what went wrong in a procedure, or `null` if it is a bug. */
function fromCause(cause: unknown): TRPCError | null {
  const error =
    cause instanceof WorkflowNotFoundError
      ? new OrderNotFoundError(orderIdOf(cause.workflowId) ?? cause.workflowId)
      : cause;
  if (!(error instanceof Error)) return null;
  const code = codeOf(error);
  return code ? new TRPCError({ code, message: error.message, cause: error }) : null;
}

/** Bad input names its first problem, the way a form would. */
function fromInvalidInput(error: TRPCError): TRPCError | null {
  if (!(error.cause instanceof z.ZodError)) return null;
  const message = error.cause.issues[0]?.message ?? 'Invalid input.';
  return new TRPCError({ code: 'BAD_REQUEST', message, cause: error.cause });
}

/** Maps what a procedure threw to the error its caller sees; unknown errors stay 500s (bugs). */
export function toClientError(error: TRPCError): TRPCError {
  if (error.code === 'BAD_REQUEST') return fromInvalidInput(error) ?? error;
  if (error.code !== 'INTERNAL_SERVER_ERROR') return error;
  return fromCause(error.cause) ?? error;
}
