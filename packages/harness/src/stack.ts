import { Client, Connection } from '@temporalio/client';
import { ORDER_CLIENT_OPTIONS } from '@delivery/workflows/client';
import { seededAccountsDatabase, type StaffMember } from './accounts';
import type { ManagedProcess } from './managed-process';
import { freePort, localUrl, portAnswers } from './ports';
import { nextSite, orderEventsEnv, orderWorker, paymentsService, type SiteName } from './services';
import { temporalAddress, temporalServer } from './temporal-server';

export interface SandboxOptions {
  /** Defaults to a free port. */
  port?: number;
  env?: Record<string, string>;
}

export interface SiteOptions {
  port: number;
  env?: Record<string, string>;
}

export interface StackOptions {
  /** Names the stack's task queue. */
  name: string;
  /**
   * A Temporal server of the suite's own on `port`, kept in the `db` file if given. Without it,
   * the test run's server is used, and started if none answers.
   */
  temporal?: { port: number; db?: string; metricsPort?: number };
  /** A Temporal server the suite runs itself (a cluster): used, never started or stopped here. */
  temporalAddress?: string;
  /** Payment sandboxes by name; the worker charges through the first. */
  payments?: Record<string, SandboxOptions>;
  worker?: { env?: Record<string, string> };
  /** Production builds of the sites (`next build` must have run). */
  sites?: Partial<Record<SiteName, SiteOptions>>;
  /** Defaults to a queue of the stack's own. */
  taskQueue?: string;
  /**
   * The NATS broker (ORDER_EVENTS_URL) the worker publishes order events to and the sites read
   * them from; without it, an embedded events file of the stack's own.
   */
  orderEventsUrl?: string;
  /**
   * Staff accounts besides the demo ones (DESIGN.md), with the demo password, for suites that
   * need many drivers.
   */
  staff?: StaffMember[];
  /** Aborting stops everything the stack started, while it starts or after. */
  signal?: AbortSignal;
  onStarting?: (process: ManagedProcess) => void;
}

export interface Service {
  process: ManagedProcess;
  url: string;
}

export interface Stack<Options extends StackOptions> {
  temporalAddress: string;
  /** The server the stack started: its own, or the test run's when none answered. */
  temporal: Options extends { temporal: object } ? ManagedProcess : ManagedProcess | null;
  taskQueue: string;
  /** The accounts database the sites and the worker share: the demo accounts and `staff`. */
  accountsDbPath: string;
  /**
   * The ORDER_EVENTS_* variables the worker and the sites were given: a test reads the same
   * events with `orderEventBusFromEnv(stack.orderEvents)`.
   */
  orderEvents: Record<string, string>;
  /** Reads an ended order from its result (ORDER_CLIENT_OPTIONS), as the API does. */
  client: Client;
  payments: Options extends { payments: infer P } ? Record<keyof P, Service> : object;
  worker: Options extends { worker: object } ? ManagedProcess : null;
  sites: Options extends { sites: infer S } ? Record<keyof S, Service> : object;
  /** Everything the stack started, in the order it started them. */
  processes: ManagedProcess[];
  /** Stops everything the stack started, last first; a second call waits for the first. */
  stop(): Promise<void>;
}

export const uniqueTaskQueue = (suite: string): string =>
  `${suite}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

/**
 * Starts what a suite asks for, in order: Temporal, the payment sandboxes, the worker, the sites.
 * A start that fails stops everything started before it.
 */
export async function startStack<Options extends StackOptions>(
  options: Options,
): Promise<Stack<Options>> {
  const { signal } = options;
  const processes: ManagedProcess[] = [];
  let connecting: Promise<Connection> | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await connecting?.then((connection) => connection.close()).catch(() => undefined);
      for (const process of [...processes].reverse()) await process.stop();
    })());
  signal?.addEventListener('abort', () => void stop(), { once: true });
  const launch = async (process: ManagedProcess): Promise<ManagedProcess> => {
    signal?.throwIfAborted();
    options.onStarting?.(process);
    // Kept before it is ready, so a process that fails to get ready is stopped too.
    processes.push(process);
    return process.start();
  };

  try {
    let address = options.temporalAddress ?? temporalAddress();
    let temporal: ManagedProcess | null = null;
    if (options.temporalAddress) {
      if (!(await portAnswers(address)))
        throw new Error(`no Temporal server answers at ${address}`);
    } else if (options.temporal) {
      address = `127.0.0.1:${options.temporal.port}`;
      if (await portAnswers(address))
        throw new Error(`port ${options.temporal.port} is taken: this stack runs its own Temporal`);
      temporal = await launch(temporalServer(options.temporal));
    } else if (!(await portAnswers(address))) {
      temporal = await launch(temporalServer());
    }

    const payments: Record<string, Service> = {};
    for (const [name, sandbox] of Object.entries(options.payments ?? {})) {
      const port = sandbox.port ?? (await freePort());
      const process = await launch(paymentsService({ port, env: sandbox.env }));
      payments[name] = { process, url: localUrl(port) };
    }

    const taskQueue = options.taskQueue ?? uniqueTaskQueue(options.name);
    const accountsDbPath = await seededAccountsDatabase(options.staff);
    const orderEvents = orderEventsEnv(options.orderEventsUrl);
    const worker = options.worker
      ? await launch(
          orderWorker({
            taskQueue,
            temporalAddress: address,
            paymentsUrl: Object.values(payments)[0]?.url,
            accountsDbPath,
            orderEvents,
            env: options.worker.env,
          }),
        )
      : null;

    const sites: Record<string, Service> = {};
    for (const [site, siteOptions] of Object.entries(options.sites ?? {})) {
      if (!siteOptions) continue;
      const { port, env } = siteOptions;
      const process = await launch(
        nextSite(site as SiteName, {
          port,
          taskQueue,
          temporalAddress: address,
          accountsDbPath,
          orderEvents,
          env,
        }),
      );
      sites[site] = { process, url: localUrl(port) };
    }

    signal?.throwIfAborted();
    connecting = Connection.connect({ address });
    const client = new Client({
      connection: await connecting,
      namespace: 'default',
      workflow: ORDER_CLIENT_OPTIONS,
    });
    const stack = {
      temporalAddress: address,
      temporal,
      taskQueue,
      accountsDbPath,
      orderEvents,
      client,
      payments,
      worker,
      sites,
    };
    // Everything asked for was started: the types say which handles that makes not null.
    return { ...stack, processes, stop } as unknown as Stack<Options>;
  } catch (error) {
    await stop();
    throw error;
  }
}
