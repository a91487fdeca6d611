import type { OrderSummary } from '@delivery/common';
import type { ApiServices } from '../services';
import { cursorOf, pageTokenOf } from '../session/cursor';
import { listOrders } from '../temporal/orders';

const DEFAULT_PAGE_SIZE = 25;

export interface ListPage {
  rows: OrderSummary[];
  /** Signed, so a forged cursor is refused instead of reaching Temporal; `null` on the last page. */
  nextCursor: string | null;
}

/** One page of a staff list (board, tickets): one Visibility call, whatever its size. */
export async function listPage(
  { temporal, config }: ApiServices,
  query: string,
  page: { cursor?: string | null; limit?: number } | undefined,
): Promise<ListPage> {
  const secret = config.sessionSecret;
  const { orders, nextPageToken } = await listOrders(temporal, {
    query,
    pageSize: page?.limit ?? DEFAULT_PAGE_SIZE,
    pageToken: page?.cursor ? pageTokenOf(page.cursor, secret) : undefined,
  });
  return { rows: orders, nextCursor: nextPageToken ? cursorOf(nextPageToken, secret) : null };
}
