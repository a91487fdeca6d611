import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  bundleWorkflowCode,
  type BundleOptions,
  type WorkflowBundleOption,
} from '@temporalio/worker';

const workerDir = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** Where `pnpm build` (or the first worker start) writes the bundle the worker runs. */
export const WORKFLOW_BUNDLE_PATH = resolve(workerDir, 'dist/workflow-bundle.js');
/** Beside it: the files it was made from, each with its SHA-256, and the bundle's own. */
const INPUTS_PATH = resolve(workerDir, 'dist/workflow-bundle.inputs.json');

const sourceFile = (name: string): string => fileURLToPath(new URL(name, import.meta.url));
const BUILD_SCRIPT = sourceFile('./build-workflow-bundle.ts');
const run = promisify(execFile);

/**
 * The worker's workflow bundle: the `order` workflow with the tracing interceptors
 * (src/workflow-tracing.ts: spans for each run, activity scheduled, signal and query), and the
 * one module every cached order shares rather than loads again: the storage of the trace context
 * (src/trace-context-storage.ts says why).
 */
export const WORKFLOW_BUNDLE_OPTIONS = {
  workflowsPath: require.resolve('@delivery/workflows'),
  workflowInterceptorModules: [sourceFile('./workflow-tracing.ts')],
  preloadModules: [sourceFile('./trace-context-storage.ts')],
} satisfies BundleOptions;

/**
 * What decides the bundle's code besides the files webpack reads: this module (the options
 * above) and the SDK's version (its bundler).
 */
const SETTINGS_FILES = [
  fileURLToPath(import.meta.url),
  require.resolve('@temporalio/worker/package.json'),
];

type Inputs = { bundle: string; files: Record<string, string> };

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

const hashOf = (file: string): string | null =>
  statSync(file, { throwIfNoEntry: false })?.isFile() ? sha256(readFileSync(file)) : null;

/** Writes through a file of its own, so a reader never sees half of it. */
function writeWhole(path: string, data: string): void {
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, data);
  renameSync(partial, path);
}

/** The bundle's code, made now by webpack (seconds), and the hashes of the files it read. */
async function bundleNow(
  logger?: BundleOptions['logger'],
): Promise<{ code: string; inputs: Inputs }> {
  let read: string[] = [];
  const { code } = await bundleWorkflowCode({
    ...WORKFLOW_BUNDLE_OPTIONS,
    logger,
    webpackConfigHook: (config) => ({
      ...config,
      plugins: [
        ...(config.plugins ?? []),
        {
          apply: (compiler) =>
            compiler.hooks.done.tap('workflow-bundle-inputs', ({ compilation }) => {
              read = [...compilation.fileDependencies];
            }),
        },
      ],
    }),
  });
  const files: Record<string, string> = {};
  // Webpack also lists folders, and its entrypoint, which lives in memory only: files are kept.
  for (const file of [...read, ...SETTINGS_FILES]) {
    const hash = hashOf(file);
    if (hash) files[relative(workerDir, file)] = hash;
  }
  return { code, inputs: { bundle: sha256(code), files } };
}

function write({ code, inputs }: { code: string; inputs: Inputs }): void {
  mkdirSync(dirname(WORKFLOW_BUNDLE_PATH), { recursive: true });
  writeWhole(WORKFLOW_BUNDLE_PATH, code);
  writeWhole(INPUTS_PATH, JSON.stringify(inputs));
}

/** `pnpm build`: bundles the workflow code and writes it to WORKFLOW_BUNDLE_PATH. */
export async function buildWorkflowBundle(logger?: BundleOptions['logger']): Promise<string> {
  write(await bundleNow(logger));
  return WORKFLOW_BUNDLE_PATH;
}

/** True when the written bundle was made from the files as they are now. */
function isFresh(): boolean {
  if (!existsSync(INPUTS_PATH)) return false;
  try {
    const inputs = JSON.parse(readFileSync(INPUTS_PATH, 'utf8')) as Inputs;
    return (
      hashOf(WORKFLOW_BUNDLE_PATH) === inputs.bundle &&
      Object.entries(inputs.files).every(
        ([file, hash]) => hashOf(resolve(workerDir, file)) === hash,
      )
    );
  } catch {
    return false;
  }
}

/**
 * The bundle the worker runs: the one `pnpm build` wrote, or, when it is missing or any file it
 * was made from has changed since (a fresh clone, an edit under `pnpm dev`), one built now by
 * `pnpm build`'s script in a process of its own, so webpack's memory never stays with the worker.
 * Where the worker may not write (a container's read-only app folder) it is made here, in memory.
 */
export async function freshWorkflowBundle(
  logger: BundleOptions['logger'],
): Promise<WorkflowBundleOption> {
  if (isFresh()) return { codePath: WORKFLOW_BUNDLE_PATH };
  try {
    await run(process.execPath, ['--import', 'tsx', BUILD_SCRIPT], { cwd: workerDir });
    return { codePath: WORKFLOW_BUNDLE_PATH };
  } catch (error) {
    logger?.warn('Workflow bundle not written: bundling it in memory', { error: String(error) });
    return { code: (await bundleNow(logger)).code };
  }
}
