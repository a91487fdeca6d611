import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { WorkflowNotFoundError } from '@temporalio/client';
import { z } from 'zod';
import { OrderNotAnsweringError } from '@delivery/workflows/client';
import { REFUSAL_TYPES, orderIdOf, type RefusalType } from '@delivery/workflows/contract';
import { ActionRefusedError } from './action-refused';
import { TemporalUnavailableError } from './temporal-client';

const REFUSAL_CODES: Record<RefusalType, TRPC_ERROR_CODE_KEY> = {
  [REFUSAL_TYPES.invalidArgument]: 'BAD_REQUEST',
  [REFUSAL_TYPES.wrongState]: 'CONFLICT',
  [REFUSAL_TYPES.wrongDriver]: 'CONFLICT',
};

export const noOrder = (orderId: string): TRPCError =>
  new TRPCError({ code: 'NOT_FOUND', message: `No order ${orderId}.` });

/** The tRPC error a person can act on for what went wrong in a procedure, or `null` if it is a bug. */
function fromCause(cause: unknown): TRPCError | null {
  if (cause instanceof TemporalUnavailableError || cause instanceof OrderNotAnsweringError) {
    return new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: cause.message, cause });
  }
  if (cause instanceof WorkflowNotFoundError) {
    return noOrder(orderIdOf(cause.workflowId) ?? cause.workflowId);
  }
  if (cause instanceof ActionRefusedError) {
    const { type, message } = cause.refusal;
    return new TRPCError({ code: REFUSAL_CODES[type] ?? 'CONFLICT', message, cause });
  }
  return null;
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
