'use client';

import { cx } from '@delivery/ui/lib/cx';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/', label: 'Menu', isActive: (path: string) => path === '/' },
  { href: '/orders', label: 'My orders', isActive: (path: string) => path.startsWith('/orders') },
] as const;

export function SiteNav() {
  // Typed nullable because the site also has a Pages Router API route; no page of it is one.
  const pathname = usePathname() ?? '';
  return (
    <nav aria-label="Main" className="ml-auto sm:ml-0">
      <ul className="flex gap-1">
        {LINKS.map(({ href, label, isActive }) => {
          const active = isActive(pathname);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={active ? 'page' : undefined}
                className={cx(
                  'rounded-lg px-2.5 py-2 text-sm font-semibold whitespace-nowrap transition-colors sm:px-3',
                  active ? 'bg-brand-50 text-brand-800' : 'text-stone-700 hover:bg-stone-100',
                )}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
