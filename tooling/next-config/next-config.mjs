import { fileURLToPath } from 'node:url';
import { securityHeaderRules } from './security-headers.mjs';

/** The workspace root, so a standalone build traces the packages and modules outside the site. */
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * `NEXT_OUTPUT=standalone` (set by the Dockerfile) makes `next build` copy the server and only
 * the files it needs into `.next/standalone`, for a small image. Unset, the build is the usual one
 * that `next start` serves.
 */
const standaloneOutput = () =>
  process.env.NEXT_OUTPUT === 'standalone'
    ? { output: 'standalone', outputFileTracingRoot: REPO_ROOT }
    : {};

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
      '@delivery/events',
      '@delivery/observability',
      '@delivery/ui',
      '@delivery/workflows',
    ],
    headers: async () => securityHeaderRules(),
    ...standaloneOutput(),
  };
}
