import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import type { ManagedProcess } from '@delivery/harness/managed-process';
import { natsServer, natsUrl } from '@delivery/harness/nats-server';
import { PORTS, localUrl } from '@delivery/harness/ports';
import { Replicas } from '@delivery/harness/replicas';
import { nextSite, orderWorker, type SiteName } from '@delivery/harness/services';
import { startStack } from '@delivery/harness/stack';
import { startTemporalCluster, type TemporalCluster } from '@delivery/harness/temporal-cluster';
import { SITE_ENV } from './settings';
import type { Sites } from './site-users';

const ports = PORTS.scaleOut;
export const SITE_NAMES: SiteName[] = ['menu', 'driver', 'restaurant'];

export interface ScaleOutStack {
  cluster: TemporalCluster;
  /** The NATS broker the worker publishes order events to and the sites read them from. */
  broker: ManagedProcess;
  paymentsUrl: string;
  /** Two workers on the one task queue. */
  workers: ManagedProcess[];
  /** Requests go to the replicas in turn. */
  sites: Sites;
  /** Live pages connect to the replicas in turn, apart from the requests. */
  streams: Sites;
  client: Client;
  taskQueue: string;
  /** Starts each site's second replica and adds it to the load balancing. */
  addSecondReplicas(): Promise<void>;
  /**
   * Runs `kill` on the site's first replica (which kills and starts it again) while the load
   * balancing leaves that replica out, as a readiness check would until it serves again.
   */
  killFirstReplica(
    site: SiteName,
    kill: (replica: ManagedProcess) => Promise<unknown>,
  ): Promise<void>;
  stop(): Promise<void>;
}

const workerMetrics = (index: number) => ({
  WORKER_METRICS_ADDRESS: `127.0.0.1:${ports.workerMetrics[index]}`,
});

/**
 * The Temporal server on PostgreSQL in a new data directory, a nats-server with JetStream, the
 * payment sandbox, two workers on one task queue and one replica of each site (production
 * builds), all on the suite's ports.
 */
export async function startScaleOutStack(): Promise<ScaleOutStack> {
  // PostgreSQL's data and JetStream's store: some 150 MB a run, removed when the stack stops.
  const dataDirs = ['temporal', 'nats'].map((name) =>
    mkdtempSync(join(tmpdir(), `scale-out-${name}-`)),
  );
  const [temporalData, natsStore] = dataDirs as [string, string];
  const removeData = () => dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  const cluster = await startTemporalCluster({
    dataDir: temporalData,
    port: ports.temporal,
    pgPort: ports.postgres,
    metricsPort: ports.temporalMetrics,
  }).catch((error: unknown) => {
    removeData();
    throw error;
  });
  const broker = natsServer({ port: ports.nats, storeDir: natsStore });
  const firstReplica = (site: SiteName) => ({ port: ports[site][0]!, env: SITE_ENV });
  const startOnCluster = () =>
    startStack({
      name: 'scale-out',
      temporalAddress: cluster.address,
      orderEventsUrl: natsUrl(ports.nats),
      payments: { sandbox: { port: ports.payments } },
      worker: { env: workerMetrics(0) },
      sites: {
        menu: firstReplica('menu'),
        driver: firstReplica('driver'),
        restaurant: firstReplica('restaurant'),
      },
    });
  const extra: ManagedProcess[] = [];
  let stack: Awaited<ReturnType<typeof startOnCluster>> | undefined;
  const stop = async () => {
    for (const process of [...extra].reverse()) await process.stop();
    await stack?.stop();
    await broker.stop();
    await cluster.stop();
    removeData();
  };
  try {
    await broker.start();
    stack = await startOnCluster();
    const started = stack;
    const launch = async (process: ManagedProcess) => {
      extra.push(process);
      return process.start();
    };
    const paymentsUrl = started.payments.sandbox.url;
    const secondWorker = await launch(
      orderWorker({
        taskQueue: started.taskQueue,
        temporalAddress: cluster.address,
        paymentsUrl,
        accountsDbPath: started.accountsDbPath,
        orderEvents: started.orderEvents,
        env: workerMetrics(1),
      }),
    );
    /** Each site's replicas started so far: the first, then the second. */
    const replicas = Object.fromEntries(
      SITE_NAMES.map((site) => [site, [started.sites[site].process]]),
    ) as Record<SiteName, ManagedProcess[]>;
    const balancers = () =>
      Object.fromEntries(
        SITE_NAMES.map((site) => [site, new Replicas([started.sites[site].url])]),
      ) as unknown as Sites;
    const sites = balancers();
    const streams = balancers();
    return {
      cluster,
      broker,
      paymentsUrl,
      workers: [started.worker, secondWorker],
      sites,
      streams,
      client: started.client,
      taskQueue: started.taskQueue,
      async addSecondReplicas() {
        for (const site of SITE_NAMES) {
          const port = ports[site][1]!;
          replicas[site].push(
            await launch(
              nextSite(site, {
                port,
                taskQueue: started.taskQueue,
                temporalAddress: cluster.address,
                accountsDbPath: started.accountsDbPath,
                orderEvents: started.orderEvents,
                env: SITE_ENV,
              }),
            ),
          );
          sites[site].add(localUrl(port));
          streams[site].add(localUrl(port));
        }
      },
      async killFirstReplica(site, kill) {
        const url = localUrl(ports[site][0]!);
        await sites[site].withoutWhile(url, () =>
          streams[site].withoutWhile(url, () => kill(replicas[site][0]!)),
        );
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
