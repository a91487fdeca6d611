import { holdsByOrder, moneyByOrder, type Holds, type MoneyMoved } from '@delivery/harness/ledger';

export interface OrderMoney {
  holds: Holds | undefined;
  moved: MoneyMoved | undefined;
}

/** A delivered order's money: its card held once, that hold captured once, nothing refunded. */
export const CHARGED_ONCE: OrderMoney = {
  holds: { authorized: 1, held: 0, captured: 1, released: 0 },
  moved: { charges: 1, refunds: 0 },
};

/** What the ledger holds for each of `orderIds`: the card's holds and the money that moved. */
export async function ledgerOf(
  paymentsUrl: string,
  orderIds: string[],
): Promise<Map<string, OrderMoney>> {
  const [holds, money] = await Promise.all([
    holdsByOrder(paymentsUrl, orderIds),
    moneyByOrder(paymentsUrl),
  ]);
  return new Map(
    orderIds.map((orderId) => [orderId, { holds: holds.get(orderId), moved: money.get(orderId) }]),
  );
}

export const chargedOnce = (orderIds: string[]): Map<string, OrderMoney> =>
  new Map(orderIds.map((orderId) => [orderId, CHARGED_ONCE]));
