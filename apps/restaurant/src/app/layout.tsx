import { Logo } from '@delivery/ui/logo';
import { PageShell } from '@delivery/ui/page-shell';
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SessionActions } from '~/session/session-actions';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: 'Restaurant · Durable Delivery',
  description: 'Accept, cook and hand over orders.',
};

export const viewport: Viewport = { themeColor: '#b83013' };

// Every page renders per request, so Next can stamp its scripts with the request's CSP nonce.
export const dynamic = 'force-dynamic';

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>
          <PageShell brand={<Logo site="Restaurant" />} actions={<SessionActions />}>
            {children}
          </PageShell>
        </Providers>
      </body>
    </html>
  );
}
