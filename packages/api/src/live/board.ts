import type { OrderState, OrderSummary } from '@delivery/common';

/** A driver's board lists the orders waiting for any driver and the ones this driver carries. */
export const isOnBoard = (row: OrderSummary, driverId: string): boolean =>
  row.state === 'Paid' || (row.state === 'Picked up' && row.driverId === driverId);

/** Where an order goes from `Paid` when no driver takes it (cancelled, or not picked up in time). */
const ENDED_UNPICKED: ReadonlySet<OrderState> = new Set(['Refunding', 'Refunded', 'Cancelled']);

/** Whether a board may have to show or drop this row; other drivers' trips are not news to it. */
export function concernsBoard(row: OrderSummary, driverId: string): boolean {
  const leftPaid =
    row.state === 'Picked up' || (row.driverId === null && ENDED_UNPICKED.has(row.state));
  return isOnBoard(row, driverId) || row.driverId === driverId || leftPaid;
}
