import { isOnBoard, type OrderSummary } from '@delivery/common';
import { hasLeftRestaurant } from './left-restaurant';

/**
 * Whether a board may have to show or drop this row: food cooking or waiting for a driver, this
 * driver's trips, and food that left the restaurant (picked up, or given up while cooking or at
 * the pass). Other drivers' trips are not news to it.
 */
export const concernsBoard = (row: OrderSummary, driverId: string): boolean =>
  isOnBoard(row, driverId) || row.driverId === driverId || hasLeftRestaurant(row);
