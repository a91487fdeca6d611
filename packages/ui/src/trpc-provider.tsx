'use client';

import { QueryClientProvider } from '@tanstack/react-query';
import { createTRPCReact, type CreateTRPCReactBase } from '@trpc/react-query';
import type { AnyRouter } from '@trpc/server';
import { useState, type ReactNode } from 'react';
import { createQueryClient } from './lib/query-client';
import { createTrpcLinks } from './lib/trpc-links';

/**
 * The typed hooks for one site's router and the provider that backs them with one QueryClient
 * and one tRPC client per browser session. Each site calls this once with its router type.
 */
export function createTrpcReactKit<TRouter extends AnyRouter>() {
  const trpc = createTRPCReact<TRouter>();
  // The provider needs no procedure types; this view keeps the generic code checkable.
  const base = trpc as unknown as CreateTRPCReactBase<AnyRouter, unknown>;

  function TrpcProvider({ children }: { children: ReactNode }) {
    const [queryClient] = useState(createQueryClient);
    const [trpcClient] = useState(() => base.createClient({ links: createTrpcLinks() }));
    return (
      <base.Provider client={trpcClient} queryClient={queryClient}>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </base.Provider>
    );
  }

  return { trpc, TrpcProvider };
}
