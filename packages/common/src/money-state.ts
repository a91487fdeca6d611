import type { MoneyState, OrderStatus } from './order-model';

/**
 * Where the order's money stands. An order charged up front carries no money state: it was
 * charged once it has a charge id, and refunded once it has a refund id.
 */
export function moneyOf(status: OrderStatus): MoneyState {
  if (status.money) return status.money;
  if (status.state === 'Refund failed') return 'refund failed';
  if (status.refundId) return 'refunded';
  if (status.chargeId) return 'captured';
  return status.state === 'Charging card' ? 'authorizing' : 'not charged';
}
