import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ManagedProcess } from './managed-process';
import { localUrl } from './ports';
import { repoRoot } from './repo-root';
import { waitForTemporal } from './temporal-server';

const runFile = promisify(execFile);
const script = join(repoRoot, 'scripts/temporal-cluster.mjs');

/** Where the cluster keeps its data and listens (the frontend takes `port` and the next eight). */
export interface TemporalClusterOptions {
  dataDir: string;
  port: number;
  pgPort: number;
  metricsPort: number;
}

export interface TemporalCluster {
  address: string;
  namespace: string;
  /** The server process, all four services in one: PostgreSQL runs on beside it. */
  server: ManagedProcess;
  /** SIGKILLs the server and waits until it is gone. */
  kill(): Promise<void>;
  /** Starts the server again on the same data (killing it first if it runs), ready to serve. */
  restart(): Promise<void>;
  /** Visibility list, count and scan calls the frontend has answered in the namespace so far. */
  visibilityCalls(): Promise<number>;
  /** Every call the frontend has answered in the namespace so far, by operation. */
  frontendCalls(): Promise<Map<string, number>>;
  /** Stops the server, then PostgreSQL. */
  stop(): Promise<void>;
}

const NAMESPACE = 'default';
const VISIBILITY_OPERATIONS = new Set([
  'ListWorkflowExecutions',
  'CountWorkflowExecutions',
  'ScanWorkflowExecutions',
]);
/** The server publishes its counters once a second (its metrics scope reports on that interval). */
const COUNTER_REPORT_MS = 1_000;

async function runScript(args: string[]): Promise<string> {
  try {
    const { stdout } = await runFile(process.execPath, [script, ...args], {
      cwd: repoRoot,
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`scripts/temporal-cluster.mjs ${args[0]} failed:\n${stderr ?? error}`);
  }
}

/**
 * `service_requests{service_name="frontend", namespace, operation}` by operation, from a
 * Prometheus text exposition.
 */
export function frontendCallsByOperation(metrics: string, namespace: string): Map<string, number> {
  const calls = new Map<string, number>();
  for (const line of metrics.split('\n')) {
    const sample = /^service_requests\{(?<labels>.*)\} (?<value>\S+)$/.exec(line)?.groups;
    if (!sample) continue;
    const labels = new Map(
      [...(sample.labels ?? '').matchAll(/(\w+)="([^"]*)"/g)].map(([, name, value]) => [
        name,
        value,
      ]),
    );
    const operation = labels.get('operation') ?? '';
    if (labels.get('service_name') === 'frontend' && labels.get('namespace') === namespace)
      calls.set(operation, (calls.get(operation) ?? 0) + Number(sample.value));
  }
  return calls;
}

/** The Visibility list, count and scan calls among the frontend's calls in the namespace. */
export function countVisibilityCalls(metrics: string, namespace: string): number {
  let calls = 0;
  for (const [operation, count] of frontendCallsByOperation(metrics, namespace))
    if (VISIBILITY_OPERATIONS.has(operation)) calls += count;
  return calls;
}

/**
 * The Temporal server on PostgreSQL (scripts/temporal-cluster.mjs): builds it if needed, starts
 * PostgreSQL in `dataDir`, sets up the schema, runs the server as a child of this process, and
 * registers the namespace and the order's search attributes. A second start on the same
 * `dataDir` reuses the database.
 */
export async function startTemporalCluster(
  options: TemporalClusterOptions,
): Promise<TemporalCluster> {
  const { dataDir, port, metricsPort } = options;
  const serverMetrics = async (): Promise<string> => {
    // Calls answered just now are in the count only after the next report.
    await new Promise((resolve) => setTimeout(resolve, COUNTER_REPORT_MS + 100));
    const response = await fetch(`${localUrl(metricsPort)}/metrics`);
    if (!response.ok) throw new Error(`metrics on port ${metricsPort}: HTTP ${response.status}`);
    return response.text();
  };
  const stopPostgres = () => runScript(['stop', '--data', dataDir]);
  const { command, args } = JSON.parse(
    await runScript([
      'command',
      '--data',
      dataDir,
      '--port',
      String(port),
      '--pg-port',
      String(options.pgPort),
      '--metrics-port',
      String(metricsPort),
    ]),
  ) as { command: string; args: string[] };
  const server = new ManagedProcess({
    name: 'temporal-cluster',
    command,
    args,
    cwd: repoRoot,
    ready: () => waitForTemporal(port),
  });
  try {
    await server.start();
    await runScript(['register', '--port', String(port)]);
  } catch (error) {
    await server.stop();
    await stopPostgres();
    throw error;
  }
  return {
    address: `127.0.0.1:${port}`,
    namespace: NAMESPACE,
    server,
    kill: () => server.stop('SIGKILL'),
    restart: () => server.restart('SIGKILL'),
    async visibilityCalls() {
      return countVisibilityCalls(await serverMetrics(), NAMESPACE);
    },
    async frontendCalls() {
      return frontendCallsByOperation(await serverMetrics(), NAMESPACE);
    },
    async stop() {
      await server.stop();
      await stopPostgres();
    },
  };
}
