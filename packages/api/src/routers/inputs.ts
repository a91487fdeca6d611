import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { orderIdSchema, requestIdSchema } from '@delivery/common';

/** The input of every procedure that reads one order. */
export const orderRefSchema = z.strictObject({ orderId: orderIdSchema });

/** The input of every procedure that acts on one order; a retry sends the same `requestId`. */
export const orderActionSchema = orderRefSchema.extend({ requestId: requestIdSchema.optional() });

/**
 * The id the order knows a request by, scoped to who sent it so no one can answer for another.
 * Without a client id (a plain curl call) every call is a new request.
 */
export const scopedRequestId = (actor: string, clientRequestId: string | undefined): string =>
  `${actor}:${clientRequestId ?? randomUUID()}`;
