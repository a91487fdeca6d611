import { isOnBoard, type OrderSummary } from '@delivery/common';
import { hasLeftRestaurant } from './left-restaurant';

/**
 * Whether a board may have to show or drop this row: food cooking or waiting for a driver, this
 * driver's trips, and food that left the restaurant (taken by any driver, or given up).
 */
export const concernsBoard = (row: OrderSummary, driverId: string): boolean =>
  isOnBoard(row, driverId) || row.driverId === driverId || hasLeftRestaurant(row);
