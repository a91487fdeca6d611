import { isOnBoard, type OrderState, type OrderSummary } from '@delivery/common';

/** Where an order goes from `Paid` when no driver takes it (cancelled, or not picked up in time). */
const ENDED_UNPICKED: ReadonlySet<OrderState> = new Set([
  'Refunding',
  'Refunded',
  'Cancelled',
  'Refund failed',
]);

/** Whether a board may have to show or drop this row; other drivers' trips are not news to it. */
export function concernsBoard(row: OrderSummary, driverId: string): boolean {
  const leftPaid =
    row.state === 'Picked up' || (row.driverId === null && ENDED_UNPICKED.has(row.state));
  return isOnBoard(row, driverId) || row.driverId === driverId || leftPaid;
}
