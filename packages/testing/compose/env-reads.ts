import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@delivery/harness/repo-root';
import { EVERYTHING, importGraph } from './import-graph';

/*
 * Which environment variables a process's code reads, found in its source rather than listed by
 * hand, so a variable added later is found too. The code is what the entry points import,
 * directly or not, down to the exported functions they take: a process that imports
 * `readNumber` from packages/common/src/env.ts does not read the TASK_QUEUE that `taskQueue()`
 * beside it reads.
 */

/** How the code reads a setting; each pattern's first group is the variable's name. */
const READS = [
  // process.env.NAME, process.env['NAME'], and an `env` parameter that defaults to process.env
  /\benv\s*(?:\?\.|\.|\[\s*['"`])\s*([A-Z][A-Z0-9_]*)\b/g,
  // the helpers of packages/common/src/env.ts and their like: readNumber('NAME', …)
  /\bread[A-Z]\w*\(\s*['"`]([A-Z][A-Z0-9_]*)['"`]/g,
];
/** `const { NAME, OTHER: alias } = env` */
const DESTRUCTURED = /\{([^{}]*)\}\s*=\s*(?:process\.)?env\b/g;
const NAME = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\b[A-Z]{2,}\b/g;
/** A settings schema keyed by variable, `NAME: z.string()`, in a module that reads the environment. */
const SCHEMA_KEY = /^\s*([A-Z][A-Z0-9]*_[A-Z0-9_]+)\s*:/gm;

/**
 * Variables a library reads for us: Temporal's envconfig takes the connection from the
 * environment (its Temporal Cloud and TLS settings are optional, see optional-variables.ts).
 */
const LIBRARY_READS: Record<string, string[]> = {
  '@temporalio/envconfig': ['TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE'],
};

/**
 * The variables a piece of source reads; `inEnvironmentReader` says its module reads the
 * environment elsewhere too, which makes a schema keyed by variables a settings schema.
 */
export function variablesReadIn(source: string, inEnvironmentReader = false): Set<string> {
  const names = new Set<string>();
  for (const pattern of READS) for (const match of source.matchAll(pattern)) names.add(match[1]!);
  for (const [, inside = ''] of source.matchAll(DESTRUCTURED))
    for (const [name] of inside.matchAll(NAME)) names.add(name);
  if (inEnvironmentReader || names.size > 0 || source.includes('process.env'))
    for (const [, name = ''] of source.matchAll(SCHEMA_KEY)) names.add(name);
  return names;
}

const DECLARATION =
  /^(export\s+(?:default\s+)?)?(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|var|class|interface|type|enum)\s+([\w$]+)/;

/**
 * A module's top-level declarations, each with the name it exports (`default` for a default
 * export; none for the imports, statements and internal helpers, which count whatever is used).
 */
export function topLevelParts(source: string): { exported?: string; text: string }[] {
  const parts: { exported?: string; text: string }[] = [{ text: '' }];
  for (const line of source.split('\n')) {
    const declaration = DECLARATION.exec(line);
    if (declaration) {
      const [, exportKeyword = '', name] = declaration;
      const exported = exportKeyword.includes('default') ? 'default' : exportKeyword && name;
      parts.push({ ...(exported ? { exported } : {}), text: '' });
    }
    parts.at(-1)!.text += `${line}\n`;
  }
  return parts;
}

/**
 * Each variable the code reachable from `entries` (files or folders from the repo's root) reads,
 * with the modules that read it. The entries count whole; other modules by what is imported.
 */
export async function variablesReadFrom(entries: string[]): Promise<Map<string, string[]>> {
  const sources = new Map<string, string>();
  const sourceOf = (path: string) => {
    if (!sources.has(path)) sources.set(path, readFileSync(join(repoRoot, path), 'utf8'));
    return sources.get(path)!;
  };
  const graph = await importGraph(entries, sourceOf);
  const isEntry = (path: string) =>
    entries.some((entry) => path === entry || path.startsWith(`${entry}/`));
  const readers = new Map<string, string[]>();
  const read = (name: string, where: string) =>
    readers.set(name, [...new Set([...(readers.get(name) ?? []), where])]);
  for (const module of graph.modules) {
    const used = graph.used.get(module.source) ?? new Set();
    const runs = (exported?: string) =>
      !exported || isEntry(module.source) || used.has(EVERYTHING) || used.has(exported);
    const source = sourceOf(module.source);
    const readsEnvironment = variablesReadIn(source).size > 0;
    for (const part of topLevelParts(source).filter((p) => runs(p.exported)))
      for (const name of variablesReadIn(part.text, readsEnvironment)) read(name, module.source);
    for (const name of module.packages.flatMap((pkg) => LIBRARY_READS[pkg] ?? []))
      read(name, `${module.source} (through a library)`);
  }
  return readers;
}
