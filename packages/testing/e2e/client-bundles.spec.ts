import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { repoRoot } from '@delivery/harness/repo-root';

/* No secret of the server reaches a browser. scripts/test.mjs builds the sites with a canary value
 * in each secret's variable (packages/harness/secret-canaries.json, passed to `next build` through
 * turbo.json's build `env`), and every file a browser can be sent is searched for each value. */

const CANARIES: Record<string, string> = JSON.parse(
  readFileSync(join(repoRoot, 'packages/harness/secret-canaries.json'), 'utf8'),
);
const SITES = ['menu', 'driver', 'restaurant'];

/** The client bundles, and the pages Next prerendered at build time (sent as they are). */
function browserFiles(site: string): string[] {
  const built = join(repoRoot, 'apps', site, '.next');
  const all = (folder: string) =>
    readdirSync(join(built, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  return [...all('static'), ...all('server/app').filter((file) => /\.(html|rsc|body)$/.test(file))];
}

test("turbo hands every canary to the sites' builds", () => {
  const turbo = JSON.parse(readFileSync(join(repoRoot, 'turbo.json'), 'utf8'));
  // turbo hands a build only the variables it lists, and rebuilds when one of them changes.
  expect(turbo.tasks.build.env).toEqual(expect.arrayContaining(Object.keys(CANARIES)));
});

for (const site of SITES) {
  test(`no secret is in what the ${site} site sends to browsers`, () => {
    const files = browserFiles(site);
    expect(files.some((file) => file.endsWith('.js'))).toBe(true);
    const leaks = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return Object.entries(CANARIES)
        .filter(([, canary]) => text.includes(canary))
        .map(([name]) => `${name} in ${file}`);
    });
    expect(leaks).toEqual([]);
  });
}
