import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@delivery/harness/repo-root';
import type { SiteName } from '@delivery/harness/services';
import { progress } from './progress';

const buildIdOf = (site: SiteName): string => join(repoRoot, 'apps', site, '.next', 'BUILD_ID');

/** Production builds of both sites: made once if missing, otherwise used as they are. */
export function ensureSitesBuilt(): void {
  const sites: SiteName[] = ['menu', 'driver'];
  const missing = sites.filter((site) => !existsSync(buildIdOf(site)));
  if (missing.length === 0) {
    const ages = sites.map((site) => {
      const minutes = Math.round((Date.now() - statSync(buildIdOf(site)).mtimeMs) / 60_000);
      return `${site} built ${minutes} min ago`;
    });
    progress(
      `using the existing production builds (${ages.join(', ')}); delete apps/*/.next to rebuild`,
    );
    return;
  }
  progress(`building ${missing.join(' and ')} for production (a few minutes)...`);
  const build = spawnSync(
    join(repoRoot, 'node_modules/.bin/turbo'),
    ['run', 'build', '--filter=@delivery/menu', '--filter=@delivery/driver'],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  if (build.status !== 0) throw new Error(`building the sites failed (exit ${build.status})`);
}
