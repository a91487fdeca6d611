import { z } from 'zod';
import { ORDER_STATES, orderInputSchema, type OrderSummary } from '@delivery/common';
import {
  CustomerIdKey,
  DriverIdKey,
  OrderStateKey,
  OrderUpdatedAtKey,
  orderIdOf,
  type OrderMemo,
} from '@delivery/workflows/contract';
import type { VisibilityRow } from './visibility-row';

/** Reads the memo `orderStartOptions` wrote; an order started some other way has none. */
export const orderMemoSchema = orderInputSchema
  .pick({ lines: true, totalCents: true, paymentMethod: true })
  .extend({ createdAt: z.iso.datetime() }) satisfies z.ZodType<OrderMemo>;

/** The memo as the order keeps it: the kitchen's ready time is added when it accepts. */
const rowMemoSchema = orderMemoSchema.extend({ readyAt: z.iso.datetime().optional() });

const stateSchema = z.enum(ORDER_STATES);

/** A search attribute's value; older servers give single values as one-element lists. */
function attribute(row: VisibilityRow, name: string): unknown {
  const value = row.searchAttributes[name];
  return Array.isArray(value) ? value[0] : value;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;

/**
 * A list row from one Visibility record (search attributes + memo), without asking the workflow.
 * `null` for a workflow of type `order` that was not started by this API (no memo).
 */
export function toOrderSummary(row: VisibilityRow): OrderSummary | null {
  const orderId = orderIdOf(row.workflowId);
  const memo = rowMemoSchema.safeParse(row.memo);
  const state = stateSchema.safeParse(attribute(row, OrderStateKey.name));
  const customerId = text(attribute(row, CustomerIdKey.name));
  if (!orderId || !memo.success || !state.success || !customerId) return null;
  const updatedAt = text(attribute(row, OrderUpdatedAtKey.name));
  return {
    orderId,
    customerId,
    state: state.data,
    driverId: text(attribute(row, DriverIdKey.name)),
    lines: memo.data.lines,
    totalCents: memo.data.totalCents,
    createdAt: memo.data.createdAt,
    updatedAt: new Date(updatedAt ?? row.startTime ?? memo.data.createdAt).toISOString(),
    readyAt: memo.data.readyAt ?? null,
  };
}
