import type { Context } from '@opentelemetry/api';

/*
 * A workaround for a platform bug (temporalio/sdk-typescript#1432, which
 * test/shared-trace-storage.test.ts reproduces). Loaded once into the workflow sandbox, before any
 * order, and shared by every order the worker keeps cached (the bundle's `preloadModules`,
 * src/workflow-bundle.ts). Node's AsyncLocalStorage writes one property per enabled storage onto
 * every promise made in the worker's workflow thread, whichever order makes it: a storage per
 * cached order (as the OpenTelemetry interceptors make one) gives every promise as many properties
 * as there are cached orders, and each order keeps dozens of promises, so the memory of each order
 * grew with the size of the cache. One storage for all of them gives every promise one. A store
 * is still each order's own: it follows the order's own promises, and no order's code runs inside
 * another's.
 */

/** What the context manager uses of the sandbox's AsyncLocalStorage. */
export interface ContextStorage {
  getStore(): Context | undefined;
  run<R>(store: Context, fn: () => R): R;
}

const SandboxStorage = (globalThis as unknown as { AsyncLocalStorage: new () => ContextStorage })
  .AsyncLocalStorage;
const storage = new SandboxStorage();

/**
 * The storage itself stays out of the module's exports: the sandbox freezes what a shared module
 * exports, and a frozen storage could not be enabled.
 */
export const traceContextStorage = (): ContextStorage => storage;
