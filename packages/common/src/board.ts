import type { OrderSummary } from './order';

/** A driver's board lists the orders waiting for any driver and the ones this driver carries. */
export const isOnBoard = (row: OrderSummary, driverId: string): boolean =>
  row.state === 'Paid' || (row.state === 'Picked up' && row.driverId === driverId);
