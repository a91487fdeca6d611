import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { repoRoot } from '@delivery/harness/repo-root';
import { argvOf, environmentOf, unescapeDollars, type ComposeService } from './compose-file';

/** The Temporal CLI the dev server runs from (scripts/temporal.mjs finds or fetches it). */
export const temporalCli = (): string =>
  execFileSync(process.execPath, [join(repoRoot, 'scripts/temporal.mjs'), 'cli'], {
    encoding: 'utf8',
  }).trim();

/**
 * Runs a one-shot admin-tools service's command as its container would (`/bin/sh -c …`), here,
 * with the local Temporal CLI on PATH standing in for the image's, and `env` over the service's.
 */
export function runAdminScript(
  service: ComposeService,
  env: Record<string, string>,
): { status: number | null; output: string } {
  const [shell = '', ...args] = argvOf(service).map(unescapeDollars);
  const run = spawnSync(shell, args, {
    encoding: 'utf8',
    timeout: 180_000,
    env: {
      PATH: `${dirname(temporalCli())}:${process.env.PATH ?? ''}`,
      ...environmentOf(service),
      ...env,
    },
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}${run.error ?? ''}` };
}

/** `sh -n`: whether a service's shell script parses, without running it. */
export function shellSyntaxErrors(service: ComposeService): string {
  const [shell = '', flag, script = '', ...rest] = argvOf(service).map(unescapeDollars);
  const check = spawnSync(shell, ['-n', flag ?? '-c', script, ...rest], { encoding: 'utf8' });
  return check.status === 0 ? '' : check.stderr || `exit ${check.status}`;
}
