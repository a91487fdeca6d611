import { KITCHEN_STATES, isIn, type OrderSummary } from '@delivery/common';
import { isNewer } from '@delivery/ui/lib/order-rows';

export interface TicketPage {
  tickets: OrderSummary[];
  nextCursor: string | null;
}

/** Whether the kitchen still has something to do with the order: answer, cook or hand over. */
export const isTicket = (row: OrderSummary): boolean => isIn(KITCHEN_STATES, row.state);

const findRow = (pages: readonly TicketPage[], orderId: string): OrderSummary | undefined =>
  pages.flatMap((page) => page.tickets).find((row) => row.orderId === orderId);

const mapTickets = (
  pages: readonly TicketPage[],
  change: (tickets: OrderSummary[]) => OrderSummary[],
): TicketPage[] => pages.map((page) => ({ ...page, tickets: change(page.tickets) }));

function prepend(pages: readonly TicketPage[], row: OrderSummary): TicketPage[] {
  const [first, ...rest] = pages;
  return first ? [{ ...first, tickets: [row, ...first.tickets] }, ...rest] : [];
}

/** Versions of the rows that left the kitchen, so a late, older copy does not bring one back. */
export type Departed = Map<string, OrderSummary>;

/**
 * The loaded pages with changed rows merged in: a row that is still a ticket replaces its older
 * version (or joins the first page), and a row that left the kitchen leaves the list.
 */
export function mergeTicketRows<TData extends { pages: TicketPage[] }>(
  data: TData,
  rows: readonly OrderSummary[],
  departed: Departed,
): TData {
  let pages = data.pages;
  for (const row of rows) {
    const current = findRow(pages, row.orderId);
    if (!isNewer(row, current ?? departed.get(row.orderId))) continue;
    if (!isTicket(row)) {
      departed.set(row.orderId, row);
      pages = mapTickets(pages, (tickets) => tickets.filter((t) => t.orderId !== row.orderId));
    } else if (current) {
      pages = mapTickets(pages, (tickets) =>
        tickets.map((t) => (t.orderId === row.orderId ? row : t)),
      );
    } else {
      pages = prepend(pages, row);
    }
  }
  return { ...data, pages };
}
