import { parseArgs } from 'node:util';

/** The bench's phases, in the order they run: see docs/benchmarks.md. */
export const PHASES = ['start', 'throughput', 'levels'] as const;
export type Phase = (typeof PHASES)[number];

const isPhase = (name: string): name is Phase => (PHASES as readonly string[]).includes(name);

/**
 * `--only throughput` (or `--only start,throughput`): just those phases, for working on one
 * measurement without the whole 15-minute run. Without it, every phase.
 */
export function phasesToRun(args: string[]): Set<Phase> {
  const { only } = parseArgs({ args, options: { only: { type: 'string' } } }).values;
  if (only === undefined) return new Set(PHASES);
  const names = only.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !isPhase(name));
  if (unknown.length > 0)
    throw new Error(`--only: unknown phase ${unknown.join(', ')}; phases: ${PHASES.join(', ')}`);
  return new Set(names.filter(isPhase));
}
