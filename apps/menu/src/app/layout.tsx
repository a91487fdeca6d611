import { Logo } from '@delivery/ui/logo';
import { PageShell } from '@delivery/ui/page-shell';
import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Providers } from './providers';
import { SiteNav } from './site-nav';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Menu · Durable Delivery', template: '%s · Durable Delivery' },
  description: 'Order food; every order is a durable Temporal workflow.',
};

export const viewport: Viewport = { themeColor: '#b83013' };

// Every page renders per request, so Next can stamp its scripts with the request's CSP nonce.
export const dynamic = 'force-dynamic';

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>
          <PageShell
            brand={
              <Link href="/" className="rounded-lg">
                <Logo />
              </Link>
            }
            nav={<SiteNav />}
          >
            {children}
          </PageShell>
        </Providers>
      </body>
    </html>
  );
}
