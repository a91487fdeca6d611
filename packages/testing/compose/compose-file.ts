import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@delivery/harness/repo-root';
import { parse } from 'yaml';

/* docker-compose.yml as the checks read it: the part of the Compose Specification the file uses. */

export interface ComposeBuild {
  context: string;
  dockerfile?: string;
  target?: string;
  args?: Record<string, string | number>;
}

export interface ComposeService {
  image?: string;
  build?: ComposeBuild;
  restart?: string;
  profiles?: string[];
  healthcheck?: { test?: string[] | string };
  depends_on?: Record<string, { condition?: string }> | string[];
  environment?: Record<string, string | number | boolean | null>;
  ports?: string[];
  volumes?: string[];
  deploy?: { replicas?: number };
  container_name?: string;
  entrypoint?: string[] | string;
  command?: string[] | string;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

export const COMPOSE_PATH = join(repoRoot, 'docker-compose.yml');

/** The file with its anchors merged (`<<: *name`), as Compose reads it. */
export const parseCompose = (text: string): ComposeFile =>
  parse(text, { merge: true }) as ComposeFile;

export const readCompose = (path = COMPOSE_PATH): ComposeFile =>
  parseCompose(readFileSync(path, 'utf8'));

/**
 * `docker-compose config -q`: parses, checks and interpolates the file without talking to a
 * Docker engine. Run with only PATH and `env`, and with DOCKER_HOST aimed at nothing, so neither
 * the caller's settings nor an engine can make it pass.
 */
export function validateWithDockerCompose(
  path: string,
  env: Record<string, string>,
): { status: number | null; output: string } {
  const run = spawnSync('docker-compose', ['-f', path, 'config', '-q'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', DOCKER_HOST: 'unix:///nonexistent/docker.sock', ...env },
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}${run.error ?? ''}` };
}

/** A long-running service; a one-shot (`restart: 'no'`) runs to completion and stays exited. */
export const isOneShot = (service: ComposeService): boolean => service.restart === 'no';

export const environmentOf = (service: ComposeService): Record<string, string> =>
  Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([name, value]) => [name, String(value ?? '')]),
  );

export interface DependsOn {
  service: string;
  condition: string | undefined;
}

export const dependenciesOf = (service: ComposeService): DependsOn[] =>
  Array.isArray(service.depends_on)
    ? service.depends_on.map((name) => ({ service: name, condition: undefined }))
    : Object.entries(service.depends_on ?? {}).map(([name, { condition }]) => ({
        service: name,
        condition,
      }));

/** `[ip:]published:target` as Compose's short syntax writes it. */
export function publishedPorts(service: ComposeService): { published: number; target: number }[] {
  return (service.ports ?? []).map((entry) => {
    const parts = String(entry).split(':');
    return { published: Number(parts.at(-2)), target: Number(parts.at(-1)) };
  });
}

/** `source:target[:mode]` volume entries. */
export const volumeMounts = (
  service: ComposeService,
): { source: string; target: string; mode: string }[] =>
  (service.volumes ?? []).map((entry) => {
    const [source = '', target = '', mode = 'rw'] = entry.split(':');
    return { source, target, mode };
  });

/** The process a service runs, as argv: entrypoint then command. */
export const argvOf = (service: ComposeService): string[] =>
  [service.entrypoint ?? [], service.command ?? []].flatMap((part) =>
    Array.isArray(part) ? part : [part],
  );

/** Compose writes a literal `$` as `$$` (a single one interpolates a variable). */
export const unescapeDollars = (text: string): string => text.replaceAll('$$', '$');
