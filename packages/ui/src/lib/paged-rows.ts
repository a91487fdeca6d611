import { isNewer } from './order-rows';

interface Versioned {
  orderId: string;
  updatedAt: string;
}

/** One loaded page of a cursor-paged list, its rows under `TField` (e.g. `orders`). */
export type PagedRows<TField extends string, TRow> = { [F in TField]: TRow[] } & {
  nextCursor: string | null;
};

/** Versions of the rows that left the list, so a late, older copy does not bring one back. */
export type Departed<TRow> = Map<string, TRow>;

export interface MergePagedRowsOptions<TField extends string, TRow> {
  /** The page field that holds the rows. */
  field: TField;
  /** Whether a row still belongs in the list; one that does not leaves it. */
  belongs: (row: TRow) => boolean;
  departed: Departed<TRow>;
}

/**
 * The loaded pages with changed rows merged in: a row that still belongs replaces its older
 * version (or joins the first page), and a row that no longer belongs leaves the list.
 */
export function mergePagedRows<
  TField extends string,
  TRow extends Versioned,
  TPage extends PagedRows<TField, TRow>,
  TData extends { pages: TPage[] },
>(
  data: TData,
  rows: readonly TRow[],
  { field, belongs, departed }: MergePagedRowsOptions<TField, TRow>,
): TData {
  const mapRows = (pages: readonly TPage[], change: (rows: TRow[]) => TRow[]): TPage[] =>
    pages.map((page) => ({ ...page, [field]: change(page[field]) }));
  const findRow = (pages: readonly TPage[], orderId: string): TRow | undefined =>
    pages.flatMap((page) => page[field]).find((row) => row.orderId === orderId);
  const prepend = (pages: readonly TPage[], row: TRow): TPage[] => {
    const [first, ...rest] = pages;
    return first ? [{ ...first, [field]: [row, ...first[field]] }, ...rest] : [];
  };

  let pages = data.pages;
  for (const row of rows) {
    const current = findRow(pages, row.orderId);
    if (!isNewer(row, current ?? departed.get(row.orderId))) continue;
    if (!belongs(row)) {
      departed.set(row.orderId, row);
      pages = mapRows(pages, (list) => list.filter((r) => r.orderId !== row.orderId));
    } else if (current) {
      pages = mapRows(pages, (list) => list.map((r) => (r.orderId === row.orderId ? row : r)));
    } else {
      pages = prepend(pages, row);
    }
  }
  return { ...data, pages };
}
