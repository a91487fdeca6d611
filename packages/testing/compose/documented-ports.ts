import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@delivery/harness/repo-root';

/** The README's rows of "what runs where" (`pnpm dev`), by the compose service that runs each. */
const SERVICE_OF_ROW: Record<string, string> = {
  'Menu (customers)': 'menu',
  Driver: 'driver',
  Restaurant: 'restaurant',
  'Temporal UI': 'temporal-ui',
  'Temporal gRPC': 'temporal',
  'Payment sandbox': 'payments',
};

/**
 * The ports a person reaches each part on in local runs, from README.md's table, so the compose
 * stack answers where the README says. A row no service is named for is an error to fix here.
 */
export function documentedPorts(readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')): {
  ports: Record<string, number>;
  unmapped: string[];
} {
  const ports: Record<string, number> = {};
  const unmapped: string[] = [];
  for (const [, what = '', where = ''] of readme.matchAll(
    /^\|\s*([^|]+?)\s*\|\s*(?:https?:\/\/)?(?:localhost|127\.0\.0\.1):(\d+)\s*\|$/gm,
  )) {
    const service = SERVICE_OF_ROW[what];
    if (service) ports[service] = Number(where);
    else unmapped.push(what);
  }
  return { ports, unmapped };
}
