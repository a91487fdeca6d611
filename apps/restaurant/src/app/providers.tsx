'use client';

import { Toaster } from '@delivery/ui/toaster';
import type { ReactNode } from 'react';
import { TrpcProvider } from '~/trpc';

export function Providers({ children }: { children: ReactNode }) {
  return (
    <TrpcProvider>
      {children}
      <Toaster />
    </TrpcProvider>
  );
}
