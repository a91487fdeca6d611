import type { WorkflowExecutionInfo } from '@temporalio/client';
import { z } from 'zod';
import { ORDER_STATES, orderInputSchema, type OrderSummary } from '@delivery/common';
import {
  CustomerIdKey,
  DriverIdKey,
  OrderStateKey,
  OrderUpdatedAtKey,
} from '@delivery/common/search-attributes';
import { orderIdOf } from './workflow-id';

/** What an order's list row needs beyond its search attributes, fixed when the order starts. */
export const orderMemoSchema = orderInputSchema
  .pick({ lines: true, totalCents: true, paymentMethod: true })
  .extend({ createdAt: z.iso.datetime() });

export type OrderMemo = z.infer<typeof orderMemoSchema>;

const stateSchema = z.enum(ORDER_STATES);

/**
 * A list row from one Visibility record (search attributes + memo), without asking the workflow.
 * `null` for a workflow of type `order` that was not started by this API (no memo).
 */
export function toOrderSummary(info: WorkflowExecutionInfo): OrderSummary | null {
  const orderId = orderIdOf(info.workflowId);
  const memo = orderMemoSchema.safeParse(info.memo);
  const attributes = info.typedSearchAttributes;
  const state = stateSchema.safeParse(attributes.get(OrderStateKey));
  const customerId = attributes.get(CustomerIdKey);
  if (!orderId || !memo.success || !state.success || !customerId) return null;
  return {
    orderId,
    customerId,
    state: state.data,
    driverId: attributes.get(DriverIdKey) ?? null,
    lines: memo.data.lines,
    totalCents: memo.data.totalCents,
    createdAt: memo.data.createdAt,
    updatedAt: (attributes.get(OrderUpdatedAtKey) ?? info.startTime).toISOString(),
  };
}
