import { EmptyState } from '@delivery/ui/empty-state';
import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-10">
      <EmptyState title="There is nothing at this address">
        <Link href="/" className="font-semibold text-brand-800 underline">
          Back to the menu
        </Link>
      </EmptyState>
    </div>
  );
}
