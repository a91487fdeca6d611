import { useEffect, useRef } from 'react';

/**
 * Feeds rows pushed by a subscription into a cached list. Rows that arrive before the list has
 * loaded are held and applied once it has, so a change made between the list call and the
 * subscription is not lost (`apply` must keep the newer version of a row, see upsertRow).
 */
export function useLiveRows<TRow>(
  list: unknown,
  apply: (rows: readonly TRow[]) => void,
): (row: TRow) => void {
  const held = useRef<TRow[]>([]);
  const loaded = list !== undefined;

  useEffect(() => {
    if (!loaded || held.current.length === 0) return;
    const rows = held.current;
    held.current = [];
    apply(rows);
  }, [loaded, apply]);

  return (row: TRow) => {
    if (loaded) apply([row]);
    else held.current.push(row);
  };
}
