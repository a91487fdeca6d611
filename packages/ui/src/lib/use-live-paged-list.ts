'use client';

import type { OrderSummary } from '@delivery/common';
import {
  useInfiniteQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { errorCode } from './api-errors';
import { liveState, type LiveState } from './live-state';
import { mergePagedRows, type Departed, type PagedRows } from './paged-rows';
import { useLiveRows } from './use-live-rows';

/** The input of a paged list call: the page size, and where the previous page ended. */
export interface PageInput {
  limit: number;
  cursor?: string;
}

export interface LivePagedListOptions<TField extends string, TPage> {
  /** The cache key's first part, shared by every owner's list (see forgetPagedLists). */
  scope: string;
  /** Whose list it is: the signed-in staff member. */
  ownerId: string;
  pageSize: number;
  /** One page of the list, e.g. `(input) => utils.client.getOrders.query(input)`. */
  fetchPage: (input: PageInput) => Promise<TPage>;
  /** The page field that holds the rows. */
  field: TField;
  /** Whether a row still belongs in the owner's list; module-level, so it stays the same. */
  belongs: (row: OrderSummary, ownerId: string) => boolean;
  /** Subscribes to the changed rows, e.g. a tRPC `useSubscription` for the site's feed. */
  useUpdates: (onRow: (row: OrderSummary) => void) => LiveState;
  /** The list was refused as signed out: ask who is signed in again. */
  onSignedOut: () => void;
}

/** Drops every loaded list under `scope`, e.g. when the staff member signs out. */
export const forgetPagedLists = (queryClient: QueryClient, scope: string) =>
  queryClient.removeQueries({ queryKey: [scope] });

/**
 * A staff list: pages of one Visibility list each ("Load more" asks for the next), kept live by
 * the rows the site's subscription pushes, merged into the loaded pages.
 *
 * The pages are fetched with TanStack's own infinite query rather than tRPC's hook: that one adds
 * a `direction` key to the input, which the strict list input schemas refuse.
 */
export function useLivePagedList<
  TField extends string,
  TPage extends PagedRows<TField, OrderSummary>,
>(options: LivePagedListOptions<TField, TPage>) {
  const { scope, ownerId, pageSize, fetchPage, field, belongs, useUpdates, onSignedOut } = options;
  const queryClient = useQueryClient();
  const departed = useRef<Departed<OrderSummary>>(new Map());
  const list = useInfiniteQuery({
    queryKey: [scope, ownerId],
    queryFn: ({ pageParam }) =>
      fetchPage({ limit: pageSize, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

  const applyRows = useCallback(
    (rows: readonly OrderSummary[]) =>
      queryClient.setQueryData<InfiniteData<TPage, string | null>>(
        [scope, ownerId],
        (data) =>
          data &&
          mergePagedRows(data, rows, {
            field,
            belongs: (row) => belongs(row, ownerId),
            departed: departed.current,
          }),
      ),
    [queryClient, scope, ownerId, field, belongs],
  );
  const onRow = useLiveRows(list.data, applyRows);
  const live = useUpdates(onRow);

  // An expired session: ask who is signed in again, which brings back the sign-in form.
  const signedOut = errorCode(list.error) === 'UNAUTHORIZED';
  const onSignedOutRef = useRef(onSignedOut);
  useEffect(() => {
    onSignedOutRef.current = onSignedOut;
  });
  useEffect(() => {
    if (signedOut) onSignedOutRef.current();
  }, [signedOut]);

  return { list, applyRows, live: liveState(live) };
}
