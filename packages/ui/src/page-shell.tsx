import type { ReactNode } from 'react';

export interface PageShellProps {
  /** Usually a link home around <Logo />. */
  brand: ReactNode;
  nav?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}

/** Header, main column and footer shared by both sites, with a skip link for keyboard users. */
export function PageShell({ brand, nav, actions, children }: PageShellProps) {
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-lg bg-white px-3 py-2 font-semibold focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-stone-200 bg-white/90 backdrop-blur">
        <div className="mx-auto flex h-16 max-w-6xl items-center gap-3 px-4 sm:gap-6">
          {brand}
          {nav}
          {actions && <div className="ml-auto flex items-center gap-2">{actions}</div>}
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:py-8">
        {children}
      </main>
      <footer className="border-t border-stone-200 py-6 text-center text-xs text-stone-600">
        Every order is a durable Temporal workflow. Card payments are a sandbox: no real money
        moves.
      </footer>
    </div>
  );
}
