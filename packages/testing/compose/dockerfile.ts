import { readFileSync } from 'node:fs';

/** What the checks need to know of a Dockerfile: its stages, build arguments and ENV settings. */
export interface Dockerfile {
  stages: string[];
  args: Set<string>;
  env: Set<string>;
  /** What COPY takes from the build context (not from another stage), from the context's root. */
  contextSources: string[];
  /** Absolute directories a RUN makes with `mkdir` (the images' volume mount points). */
  madeDirectories: Set<string>;
}

/** Joins `\`-continued lines and drops comments, leaving one instruction per line. */
const instructions = (text: string): string[] =>
  text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));

export function parseDockerfile(text: string): Dockerfile {
  const dockerfile: Dockerfile = {
    stages: [],
    args: new Set(),
    env: new Set(),
    contextSources: [],
    madeDirectories: new Set(),
  };
  for (const line of instructions(text)) {
    const [keyword = '', ...rest] = line.split(/\s+/);
    switch (keyword.toUpperCase()) {
      case 'FROM': {
        const as = rest.findIndex((word) => word.toUpperCase() === 'AS');
        if (as >= 0 && rest[as + 1]) dockerfile.stages.push(rest[as + 1]!);
        break;
      }
      case 'ARG':
        dockerfile.args.add(rest[0]!.split('=')[0]!);
        break;
      case 'ENV':
        for (const pair of rest) if (pair.includes('=')) dockerfile.env.add(pair.split('=')[0]!);
        break;
      case 'RUN':
        for (const command of rest.join(' ').split(/&&|;/))
          if (/^\s*mkdir\b/.test(command))
            for (const word of command.split(/\s+/))
              if (word.startsWith('/')) dockerfile.madeDirectories.add(word);
        break;
      case 'COPY': {
        if (rest.some((word) => word.startsWith('--from='))) break;
        const paths = rest.filter((word) => !word.startsWith('--'));
        dockerfile.contextSources.push(...paths.slice(0, -1));
        break;
      }
    }
  }
  return dockerfile;
}

export const readDockerfile = (path: string): Dockerfile =>
  parseDockerfile(readFileSync(path, 'utf8'));
