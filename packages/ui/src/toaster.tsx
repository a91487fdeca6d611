'use client';

import { Toaster as SonnerToaster } from 'sonner';

/** The one place action outcomes are announced (sonner's region is aria-live). */
export function Toaster() {
  return (
    <SonnerToaster
      position="top-center"
      richColors
      closeButton
      toastOptions={{ duration: 5_000, className: 'font-sans' }}
    />
  );
}
