import { fileURLToPath } from 'node:url';
import { Client } from '@temporalio/client';
import {
  NativeConnection,
  Worker,
  bundleWorkflowCode,
  type BundleOptions,
} from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueTaskQueue } from '@delivery/harness/stack';
import { until } from '@delivery/harness/until';
import { startTracing } from '@delivery/observability';
import { tracingOptions } from '../src/tracing-options';
import { WORKFLOW_BUNDLE_OPTIONS } from '../src/workflow-bundle';
import { promiseSymbols, staysCached } from './fixtures/promise-storage-workflows';
import { quiet } from './support/quiet-logger';

const CACHED = 20;
const fixture = (name: string): string =>
  fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const workflowsPath = fixture('promise-storage-workflows.ts');
const tracing = tracingOptions(startTracing({ serviceName: 'promise-storage', env: {} }));
/** Node's AsyncLocalStorage writes one property by this name for each storage it has enabled. */
const storagesOn = (symbols: string[]): number =>
  symbols.filter((symbol) => symbol === 'Symbol(kResourceStore)').length;

let connection: NativeConnection;
let client: Client;

beforeAll(async () => {
  const address = process.env.TEMPORAL_ADDRESS;
  if (!address) throw new Error('TEMPORAL_ADDRESS is not set: run `node scripts/test.mjs worker`');
  connection = await NativeConnection.connect({ address });
  client = new Client({ connection });
});

afterAll(async () => {
  await connection?.close();
});

/**
 * The symbol-keyed properties on a promise made in the workflow thread of a worker running
 * `bundle`, with CACHED other workflows waiting in its cache.
 */
async function promiseSymbolsBesideCachedWorkflows(bundle: BundleOptions): Promise<string[]> {
  const taskQueue = uniqueTaskQueue('promise-storage');
  const worker = await Worker.create({
    ...tracing,
    connection,
    taskQueue,
    workflowBundle: await bundleWorkflowCode({ ...bundle, logger: quiet }),
    maxCachedWorkflows: CACHED * 2,
  });
  return worker.runUntil(async () => {
    const cached = await Promise.all(
      Array.from({ length: CACHED }, (_, i) =>
        client.workflow.start(staysCached, { taskQueue, workflowId: `${taskQueue}-${i}` }),
      ),
    );
    try {
      // Past its first workflow task, each workflow has run, and stays in the worker's cache.
      await until(
        async () =>
          (await Promise.all(cached.map((handle) => handle.describe()))).every(
            ({ historyLength }) => historyLength >= 4,
          ),
        `${CACHED} workflows past their first task`,
      );
      return await client.workflow.execute(promiseSymbols, {
        taskQueue,
        workflowId: `${taskQueue}-probe`,
      });
    } finally {
      await Promise.all(cached.map((handle) => handle.terminate()));
    }
  });
}

/*
 * Why the worker keeps the trace context in a storage of its own, a workaround for a platform bug
 * (temporalio/sdk-typescript#1432): the package's workflow context manager makes an
 * AsyncLocalStorage for each workflow, and Node writes a property for every enabled storage onto
 * every promise made in the workflow thread, so each promise carries one per cached workflow. The
 * worker's bundle has one storage that every cached workflow shares (src/trace-context-storage.ts).
 * When the stock interceptors no longer show it, the package's own context manager can replace
 * SharedStorageContextManager (src/workflow-tracing.ts).
 */
describe(`a promise made in the workflow thread, beside ${CACHED} cached workflows`, () => {
  it('carries a storage for each of them with the package’s stock interceptors', async () => {
    const symbols = await promiseSymbolsBesideCachedWorkflows({
      workflowsPath,
      workflowInterceptorModules: [fixture('stock-workflow-tracing.ts')],
    });
    expect(storagesOn(symbols)).toBeGreaterThanOrEqual(CACHED);
  });

  it('carries one storage with the worker’s bundle', async () => {
    const symbols = await promiseSymbolsBesideCachedWorkflows({
      ...WORKFLOW_BUNDLE_OPTIONS,
      workflowsPath,
    });
    expect(storagesOn(symbols)).toBe(1);
  });
});
