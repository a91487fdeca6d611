import type { OrderSummary } from '@delivery/common';

interface Versioned {
  orderId: string;
  updatedAt: string;
}

/** Whether `next` is at least as recent as `current`: live updates can overtake an answer. */
export const isNewer = (next: Versioned, current: Versioned | undefined): boolean =>
  !current || Date.parse(next.updatedAt) >= Date.parse(current.updatedAt);

/** The rows with `row` put in, unless they already hold a newer version of that order. */
export function upsertRow<TRow extends Versioned>(rows: readonly TRow[], row: TRow): TRow[] {
  const index = rows.findIndex((existing) => existing.orderId === row.orderId);
  if (index === -1) return [...rows, row];
  if (!isNewer(row, rows[index])) return [...rows];
  return rows.map((existing, position) => (position === index ? row : existing));
}

export const newestFirst = (a: { createdAt: string }, b: { createdAt: string }): number =>
  Date.parse(b.createdAt) - Date.parse(a.createdAt);

export const oldestFirst = (a: { createdAt: string }, b: { createdAt: string }): number =>
  Date.parse(a.createdAt) - Date.parse(b.createdAt);

/** Soonest ready first (a row whose ready time has not reached the list yet by its age). */
export const soonestReady = (a: OrderSummary, b: OrderSummary): number =>
  Date.parse(a.readyAt ?? a.createdAt) - Date.parse(b.readyAt ?? b.createdAt);

/** The list row of a status an action returned, to show its outcome before the live feed does. */
export { summaryOf } from '@delivery/common';
