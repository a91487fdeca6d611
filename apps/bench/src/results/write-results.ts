import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@delivery/harness/repo-root';
import type { BenchResults } from './bench-results';
import { resultsChart } from './results-chart';
import { resultsMarkdown } from './results-markdown';

export const OUTPUTS = {
  json: join(repoRoot, 'bench/results.json'),
  table: join(repoRoot, 'bench/results.md'),
  chart: join(repoRoot, 'docs/benchmarks-chart.svg'),
  docs: join(repoRoot, 'docs/benchmarks.md'),
};

/** docs/benchmarks.md keeps the latest table between these lines; the prose around it is by hand. */
const TABLE_START = '<!-- bench:results:start -->';
const TABLE_END = '<!-- bench:results:end -->';

function replaceDocsTable(markdown: string): void {
  if (!existsSync(OUTPUTS.docs)) return;
  const docs = readFileSync(OUTPUTS.docs, 'utf8');
  const start = docs.indexOf(TABLE_START);
  const end = docs.indexOf(TABLE_END);
  if (start < 0 || end < start) return;
  writeFileSync(
    OUTPUTS.docs,
    `${docs.slice(0, start + TABLE_START.length)}\n\n${markdown}\n\n${docs.slice(end)}`,
  );
}

export async function writeResults(results: BenchResults): Promise<void> {
  mkdirSync(join(repoRoot, 'bench'), { recursive: true });
  mkdirSync(join(repoRoot, 'docs'), { recursive: true });
  const markdown = resultsMarkdown(results);
  writeFileSync(OUTPUTS.json, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(
    OUTPUTS.table,
    `# Benchmark results\n\nWritten by \`pnpm bench\`; see [docs/benchmarks.md](../docs/benchmarks.md).\n\n${markdown}\n`,
  );
  writeFileSync(OUTPUTS.chart, await resultsChart(results));
  replaceDocsTable(markdown);
}
