import type { OrderSummary } from '@delivery/common';
import type { driver, kitchen } from './actors';

/** Every row of a paged list, page by page. */
async function allPages(
  page: (cursor: string | null) => Promise<{ rows: OrderSummary[]; nextCursor: string | null }>,
): Promise<OrderSummary[]> {
  const rows: OrderSummary[] = [];
  let cursor: string | null = null;
  do {
    const next = await page(cursor);
    rows.push(...next.rows);
    cursor = next.nextCursor;
  } while (cursor);
  return rows;
}

/** Every order on the driver's board. */
export const wholeBoard = (board: ReturnType<typeof driver>['board']) =>
  allPages(async (cursor) => {
    const { orders, nextCursor } = await board.getOrders({ cursor, limit: 100 });
    return { rows: orders, nextCursor };
  });

/** Every ticket of the kitchen. */
export const allTickets = (tickets: ReturnType<typeof kitchen>['tickets']) =>
  allPages(async (cursor) => {
    const page = await tickets.getTickets({ cursor, limit: 100 });
    return { rows: page.tickets, nextCursor: page.nextCursor };
  });

/** The row of one order in a list, if it is listed. */
export const rowOf = (rows: readonly OrderSummary[], orderId: string) =>
  rows.find((row) => row.orderId === orderId);
