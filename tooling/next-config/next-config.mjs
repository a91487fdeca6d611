import { securityHeaderRules } from './security-headers.mjs';

/**
 * The Next.js settings every site shares. The workspace packages export TypeScript source, so
 * Next compiles them.
 */
export function siteConfig() {
  return {
    reactStrictMode: true,
    transpilePackages: [
      '@delivery/accounts',
      '@delivery/api',
      '@delivery/common',
      '@delivery/ui',
      '@delivery/workflows',
    ],
    headers: async () => securityHeaderRules(),
  };
}
