import { SETBACK_STATES, WITH_DRIVER, isIn, isOnBoard, type OrderSummary } from '@delivery/common';

/** Whether a board may have to show or drop this row; other drivers' trips are not news to it. */
export function concernsBoard(row: OrderSummary, driverId: string): boolean {
  const leftWaiting =
    row.state === WITH_DRIVER || (row.driverId === null && isIn(SETBACK_STATES, row.state));
  return isOnBoard(row, driverId) || row.driverId === driverId || leftWaiting;
}
