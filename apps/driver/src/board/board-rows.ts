import { COMING_UP, isOnBoard, isWaitingForDriver, type OrderSummary } from '@delivery/common';
import { isNewer } from '@delivery/ui/lib/order-rows';

export interface BoardPage {
  orders: OrderSummary[];
  nextCursor: string | null;
}

/** The board's sections: food to pick up now, food still cooking, and this driver's own. */
export type BoardSectionName = 'waiting' | 'comingUp' | 'yours';

export function sectionOf(row: OrderSummary): BoardSectionName {
  if (isWaitingForDriver(row.state)) return 'waiting';
  return row.state === COMING_UP ? 'comingUp' : 'yours';
}

const findRow = (pages: readonly BoardPage[], orderId: string): OrderSummary | undefined =>
  pages.flatMap((page) => page.orders).find((row) => row.orderId === orderId);

const mapOrders = (
  pages: readonly BoardPage[],
  change: (orders: OrderSummary[]) => OrderSummary[],
): BoardPage[] => pages.map((page) => ({ ...page, orders: change(page.orders) }));

function prepend(pages: readonly BoardPage[], row: OrderSummary): BoardPage[] {
  const [first, ...rest] = pages;
  return first ? [{ ...first, orders: [row, ...first.orders] }, ...rest] : [];
}

/** Versions of the rows that left the board, so a late, older copy does not bring one back. */
export type Departed = Map<string, OrderSummary>;

/**
 * The loaded pages with changed rows merged in: a row that still belongs replaces its older
 * version (or joins the first page), and a row that no longer belongs leaves the board.
 */
export function mergeBoardRows<TData extends { pages: BoardPage[] }>(
  data: TData,
  rows: readonly OrderSummary[],
  driverId: string,
  departed: Departed,
): TData {
  let pages = data.pages;
  for (const row of rows) {
    const current = findRow(pages, row.orderId);
    if (!isNewer(row, current ?? departed.get(row.orderId))) continue;
    if (!isOnBoard(row, driverId)) {
      departed.set(row.orderId, row);
      pages = mapOrders(pages, (orders) => orders.filter((o) => o.orderId !== row.orderId));
    } else if (current) {
      pages = mapOrders(pages, (orders) =>
        orders.map((o) => (o.orderId === row.orderId ? row : o)),
      );
    } else {
      pages = prepend(pages, row);
    }
  }
  return { ...data, pages };
}
