import type { ReactNode } from 'react';
import { cx } from './lib/cx';

/** A grey block in the shape of content that is still loading. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={cx('animate-pulse rounded-lg bg-stone-200', className)} />;
}

/** Announces the loading once for screen readers while the skeletons stand in visually. */
export function LoadingRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="status" aria-live="polite" aria-busy>
      <span className="sr-only">{label}</span>
      {children}
    </div>
  );
}
