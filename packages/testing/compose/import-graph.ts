import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from '@delivery/harness/repo-root';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

/*
 * The modules a process runs, from its entry points: the import graph `pnpm lint` checks the
 * dependency rule on (.dependency-cruiser.cjs), with what each module takes from each other one.
 */

export interface GraphModule {
  /** From the repo's root, like `packages/common/src/env.ts`. */
  source: string;
  /** The packages it imports, by the name it imports them under (`@temporalio/envconfig`). */
  packages: string[];
}

export interface ImportGraph {
  modules: GraphModule[];
  /** What the graph's modules import of each module: names, or '*' for everything. */
  used: Map<string, Set<string>>;
}

/** Every name, for `import * as`, `export *`, `import()` and default-or-named mixes we don't split. */
export const EVERYTHING = '*';

const IMPORTS =
  /(?:^|[;\s])(import|export)\s+(type\s+)?([\w$\s{},*]*?)\s*from\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The names one import or export-from clause takes: `{ a, b as c, type T }`, `x`, `* as ns`. */
function namesOf(clause: string): string[] {
  if (clause.includes('*')) return [EVERYTHING];
  const named = /\{([^}]*)\}/.exec(clause)?.[1];
  const names = (named ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part && !part.startsWith('type '))
    .map((part) => part.split(/\s+as\s+/)[0]!);
  const defaultImport = clause.replace(/\{[^}]*\}/, '').replace(/[\s,]/g, '');
  return defaultImport ? [...names, 'default'] : names;
}

/** Each module specifier in `source`, with the names taken from it (type-only imports left out). */
export function importsIn(source: string): Map<string, string[]> {
  const imports = new Map<string, string[]>();
  for (const [, , typeOnly, clause = '', from, dynamic] of source.matchAll(IMPORTS)) {
    const specifier = (from ?? dynamic)!;
    if (typeOnly) continue;
    const names = dynamic ? [EVERYTHING] : namesOf(clause);
    imports.set(specifier, [...(imports.get(specifier) ?? []), ...names]);
  }
  return imports;
}

const depcruiseConfig = createRequire(import.meta.url)(join(repoRoot, '.dependency-cruiser.cjs'));

async function cruiseFrom(entries: string[]): Promise<ICruiseResult> {
  const { options } = depcruiseConfig;
  const tsConfig = join(repoRoot, options.tsConfig.fileName);
  // Unlike lint, keep the imports of packages (as leaves): a library may read variables for us.
  const exclude = {
    path: options.exclude.path.filter((path: string) => !path.includes('node_modules')),
  };
  // What runs, not its types: a package's `types` condition would lead to a .d.ts.
  const conditionNames = options.enhancedResolveOptions.conditionNames.filter(
    (condition: string) => condition !== 'types',
  );
  const { output } = await cruise(
    entries,
    { ...options, exclude, baseDir: repoRoot, validate: false, tsConfig: { fileName: tsConfig } },
    { ...options.enhancedResolveOptions, conditionNames },
    { tsConfig: extractTSConfig(tsConfig) },
  );
  return (typeof output === 'string' ? JSON.parse(output) : output) as ICruiseResult;
}

/**
 * The graph from `entries` (files or folders, from the repo's root). `sourceOf` reads a module's
 * text, so the caller reads each file once.
 */
export async function importGraph(
  entries: string[],
  sourceOf: (source: string) => string,
): Promise<ImportGraph> {
  const modules: GraphModule[] = [];
  const used = new Map<string, Set<string>>();
  for (const module of (await cruiseFrom(entries)).modules) {
    if (module.coreModule || module.couldNotResolve || module.source.includes('node_modules/'))
      continue;
    const imports = importsIn(sourceOf(module.source));
    for (const dependency of module.dependencies) {
      const names = imports.get(dependency.module) ?? [EVERYTHING];
      const set = used.get(dependency.resolved) ?? new Set();
      for (const name of names) set.add(name);
      used.set(dependency.resolved, set);
    }
    modules.push({
      source: module.source,
      packages: module.dependencies
        .filter((dependency) => dependency.resolved.includes('node_modules/'))
        .map((dependency) => dependency.module),
    });
  }
  return { modules, used };
}
