import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { repoRoot } from '@delivery/harness/repo-root';
import {
  argvOf,
  dependenciesOf,
  environmentOf,
  isOneShot,
  publishedPorts,
  volumeMounts,
  type ComposeFile,
  type ComposeService,
} from './compose-file';
import type { Dockerfile } from './dockerfile';
import { OPTIONAL_VARIABLES, READ_BY_THE_RUNTIME, RUNTIME_SET } from './optional-variables';

/*
 * Checks of docker-compose.yml. Each returns the problems it finds, worded for the person who
 * has to fix the file; none means the check passes.
 */

/** The services the stack runs from published images, by the image each must use. */
const IMAGES: Record<string, string> = {
  postgresql: 'postgres:',
  'temporal-schema': 'temporalio/admin-tools:',
  temporal: 'temporalio/server:',
  'temporal-setup': 'temporalio/admin-tools:',
  'temporal-ui': 'temporalio/ui:',
  nats: 'nats:',
};

/** The services built from this repository, by the app (a folder of apps/) each runs. */
export const BUILT: Record<string, string> = {
  payments: 'payments',
  worker: 'worker',
  menu: 'menu',
  driver: 'driver',
  restaurant: 'restaurant',
};

/** Ports published besides the README's: NATS's standard client port, for tools on the host. */
const OTHER_PORTS: Record<string, number> = { nats: 4222 };

const LONG_RUNNING_RESTARTS = new Set(['always', 'unless-stopped', 'on-failure']);

const tagOf = (image = '') => image.split(':')[1];

export function topologyProblems(compose: ComposeFile): string[] {
  const { services } = compose;
  const problems: string[] = [];
  for (const [name, image] of Object.entries(IMAGES)) {
    if (!services[name]?.image?.startsWith(image))
      problems.push(`${name} must run the official image ${image}…`);
  }
  if (tagOf(services['temporal-schema']?.image) !== tagOf(services.temporal?.image))
    problems.push("the admin tools must be the server's version (they set up its schema)");
  const temporal = environmentOf(services.temporal ?? {});
  if (!temporal.DB?.startsWith('postgres') || temporal.POSTGRES_SEEDS !== 'postgresql')
    problems.push('Temporal must keep its state in the postgresql service');
  if (!argvOf(services.nats ?? {}).includes('-js')) problems.push('NATS must run JetStream (-js)');
  for (const [name, app] of Object.entries(BUILT)) {
    if (services[name]?.build?.args?.APP !== app)
      problems.push(`${name} must be built from the repo's Dockerfile with APP=${app}`);
  }
  return problems;
}

/**
 * Every long-running service restarts and says when it is healthy; one-shots (`restart: 'no'`)
 * are waited for; every service waits for what it needs in the state it needs it.
 */
export function healthProblems(compose: ComposeFile): string[] {
  const { services } = compose;
  const problems: string[] = [];
  const waitedFor = new Set<string>();
  for (const [name, service] of Object.entries(services)) {
    if (!isOneShot(service)) {
      if (!LONG_RUNNING_RESTARTS.has(service.restart ?? ''))
        problems.push(`${name} needs a restart policy (unless-stopped)`);
      if (!service.healthcheck?.test?.length) problems.push(`${name} needs a healthcheck`);
    }
    for (const { service: needed, condition } of dependenciesOf(service)) {
      const dependency = services[needed];
      if (!dependency) {
        problems.push(`${name} depends on ${needed}, which is not a service`);
        continue;
      }
      const expected = isOneShot(dependency) ? 'service_completed_successfully' : 'service_healthy';
      if (condition !== expected)
        problems.push(`${name} must wait for ${needed} with condition ${expected}`);
      if (isOneShot(dependency)) waitedFor.add(needed);
    }
  }
  for (const [name, service] of Object.entries(services)) {
    if (isOneShot(service) && !waitedFor.has(name) && !service.profiles?.length)
      problems.push(`${name} runs once, but nothing waits for it`);
  }
  return problems;
}

export function replicaProblems(compose: ComposeFile): string[] {
  const worker = compose.services.worker ?? {};
  return [
    ...(worker.deploy?.replicas === 2 ? [] : ['the worker must run two replicas']),
    ...(worker.container_name || worker.ports?.length
      ? ['a replicated worker can have no container_name and publish no port']
      : []),
  ];
}

const appFolder = (app: string) => join(repoRoot, 'apps', app);

function appKindProblems(name: string, target: string | undefined, app: string): string[] {
  const packageFile = join(appFolder(app), 'package.json');
  if (!existsSync(packageFile)) return [`${name} builds APP=${app}, which is not in apps/`];
  const packageName = JSON.parse(readFileSync(packageFile, 'utf8')).name;
  if (packageName !== `@delivery/${app}`)
    return [`${name}: apps/${app} is ${packageName}, not @delivery/${app}`];
  const marker = { site: 'next.config.mjs', service: 'src/main.ts' }[target ?? ''];
  if (!marker) return [`${name} builds target ${target}, which is neither site nor service`];
  return existsSync(join(appFolder(app), marker))
    ? []
    : [`${name} builds ${app} as a ${target}, but apps/${app} has no ${marker}`];
}

/** Build contexts, Dockerfiles, targets and arguments that exist, for apps that exist. */
export function buildProblems(
  compose: ComposeFile,
  composeDir: string,
  readDockerfile: (path: string) => Dockerfile,
): string[] {
  const problems: string[] = [];
  for (const [name, service] of Object.entries(compose.services)) {
    const { build } = service;
    if (!build) continue;
    const context = join(composeDir, build.context);
    const dockerfilePath = join(context, build.dockerfile ?? 'Dockerfile');
    if (!existsSync(dockerfilePath)) {
      problems.push(`${name}: no Dockerfile at ${dockerfilePath}`);
      continue;
    }
    const dockerfile = readDockerfile(dockerfilePath);
    if (!build.target || !dockerfile.stages.includes(build.target))
      problems.push(`${name}: target ${build.target} is not a stage of ${build.dockerfile}`);
    for (const arg of Object.keys(build.args ?? {}))
      if (!dockerfile.args.has(arg)) problems.push(`${name}: the Dockerfile has no ARG ${arg}`);
    for (const source of dockerfile.contextSources)
      if (!existsSync(join(context, source)))
        problems.push(`${name}: the Dockerfile copies ${source}, which the context lacks`);
    // A new named volume takes the owner of the image's directory; Docker would make a missing
    // one for root, and the apps, which run as `node`, could not write to it.
    for (const { source, target } of volumeMounts(service))
      if (!source.startsWith('.') && !dockerfile.madeDirectories.has(target))
        problems.push(`${name} mounts a volume on ${target}, which the Dockerfile does not make`);
    problems.push(...appKindProblems(name, build.target, String(build.args?.APP)));
  }
  return problems;
}

/** Each part answers on the host where the README says local runs do, and nothing else is open. */
export function portProblems(
  compose: ComposeFile,
  documented: { ports: Record<string, number>; unmapped: string[] },
): string[] {
  const problems = documented.unmapped.map(
    (row) => `README.md lists "${row}", which documented-ports.ts names no service for`,
  );
  const expected = { ...documented.ports, ...OTHER_PORTS };
  for (const [name, port] of Object.entries(expected)) {
    const ports = publishedPorts(compose.services[name] ?? {});
    if (!ports.some(({ published, target }) => published === port && target === port))
      problems.push(`${name} must publish ${port}:${port}, the port of local runs`);
  }
  for (const [name, service] of Object.entries(compose.services))
    for (const { published } of publishedPorts(service))
      if (expected[name] !== published)
        problems.push(`${name} publishes ${published}, which no document gives it`);
  return problems;
}

/**
 * State lives on named volumes: each *_DB_PATH file and each server's data directory, and the
 * accounts database is one file on one volume for every process that opens it. The only other
 * mounts are the repo's own files, read-only (configuration).
 */
export function volumeProblems(compose: ComposeFile, composeDir: string): string[] {
  const declared = new Set(Object.keys(compose.volumes ?? {}));
  const problems: string[] = [];
  const accounts = new Set<string>();
  const onVolume = (service: ComposeService, directory: string) =>
    volumeMounts(service).find(({ target }) => target === directory)?.source;
  for (const [name, service] of Object.entries(compose.services)) {
    for (const { source, mode } of volumeMounts(service)) {
      const repoFile = source.startsWith('./') && existsSync(join(composeDir, source));
      if (repoFile ? mode !== 'ro' : !declared.has(source))
        problems.push(`${name} mounts ${source}: only named volumes, and repo files read-only`);
    }
    for (const [variable, path] of Object.entries(environmentOf(service))) {
      if (!variable.endsWith('_DB_PATH') || !path) continue;
      const volume = onVolume(service, posix.dirname(path));
      if (!volume) problems.push(`${name}: ${variable}=${path} is not on a volume`);
      if (variable === 'ACCOUNTS_DB_PATH') accounts.add(`${path} on ${volume}`);
    }
  }
  if (accounts.size !== 1)
    problems.push(`every process must open one accounts database, not ${[...accounts].join(', ')}`);
  if (!onVolume(compose.services.postgresql ?? {}, '/var/lib/postgresql/data'))
    problems.push("PostgreSQL's data directory must be on a volume");
  const nats = argvOf(compose.services.nats ?? {});
  const store = nats[nats.indexOf('-sd') + 1];
  if (!nats.includes('-sd') || !store || !onVolume(compose.services.nats ?? {}, store))
    problems.push("NATS's JetStream store (-sd) must be on a volume");
  return problems;
}

/** Where the code of a service built from the repo starts, from the repo's root. */
export function entriesOf(service: ComposeService): string[] {
  const app = String(service.build?.args?.APP);
  const script = argvOf(service).find((word) => word.endsWith('.ts'));
  // The image runs from /app/apps/<app>, and /app is the repo's root.
  if (script) return [posix.join('apps', app, script)];
  return service.build?.target === 'site'
    ? [`apps/${app}/src`, `apps/${app}/next.config.mjs`]
    : [`apps/${app}/src`];
}

/** What each variable a process reads is, where it is read. */
export type VariableReads = Map<string, string[]>;

/**
 * Every variable the code of a service reads is set for it: in its environment, by the
 * Dockerfile, as a build argument for what Next.js fixes at build time, or listed as optional.
 * And it sets nothing its code never reads (a misspelt name, a setting since removed).
 */
export function environmentProblems(
  compose: ComposeFile,
  dockerfile: Dockerfile,
  readsOf: (service: ComposeService) => VariableReads,
): string[] {
  const problems: string[] = [];
  for (const [name, service] of Object.entries(compose.services)) {
    if (!service.build) continue;
    const environment = environmentOf(service);
    const buildArgs = service.build.args ?? {};
    const reads = readsOf(service);
    for (const [variable, where] of reads) {
      const fixedAtBuild = variable.startsWith('NEXT_PUBLIC_');
      const set = fixedAtBuild ? variable in buildArgs : variable in environment;
      if (set || dockerfile.env.has(variable) || RUNTIME_SET.has(variable)) continue;
      if (variable in OPTIONAL_VARIABLES) continue;
      problems.push(
        `${name} runs code that reads ${variable} (${where.join(', ')}): set it` +
          (fixedAtBuild ? ' as a build argument' : '') +
          ' in docker-compose.yml, or list it in optional-variables.ts with the reason',
      );
    }
    for (const variable of Object.keys(environment))
      if (!reads.has(variable) && !READ_BY_THE_RUNTIME.has(variable))
        problems.push(`${name} sets ${variable}, which its code never reads`);
  }
  return problems;
}
