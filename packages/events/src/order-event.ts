import type { OrderStatus } from '@delivery/common';

/**
 * One change of an order, as the workflow published it: the whole status, so a page needs no
 * query to show it. `version` counts the order's changes (1, 2, …) in the workflow, so a consumer
 * tells a duplicate or an older copy from news without a clock.
 */
export interface OrderEvent {
  orderId: string;
  version: number;
  status: OrderStatus;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An event read back from a broker or a file, or `null` when it is not one. */
export function parseOrderEvent(text: string): OrderEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value) || !isRecord(value.status)) return null;
  const { orderId, version, status } = value;
  if (typeof orderId !== 'string' || orderId === '' || status.orderId !== orderId) return null;
  if (!Number.isSafeInteger(version) || (version as number) < 1) return null;
  return value as unknown as OrderEvent;
}
