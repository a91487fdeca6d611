// The configuration of a Temporal server running its four services in one process on PostgreSQL,
// and the dynamic configuration the project relies on.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

/** The server reads `<root>/<CONFIG_DIR>/<CONFIG_ENV>.yaml`. */
const CONFIG_DIR = 'config';
const CONFIG_ENV = 'cluster';
export const DATABASES = { default: 'temporal', visibility: 'temporal_visibility' };
export const DB_ROLE = 'temporal';
/** Fixed for the life of the cluster: the server refuses to start with another count. */
const HISTORY_SHARDS = 4;

/** The frontend serves on `port`; the other services and the membership ring take the next eight. */
export function servicePorts(port) {
  return {
    frontend: { grpcPort: port, membershipPort: port + 4, httpPort: port + 8 },
    history: { grpcPort: port + 1, membershipPort: port + 5 },
    matching: { grpcPort: port + 2, membershipPort: port + 6 },
    worker: { grpcPort: port + 3, membershipPort: port + 7 },
  };
}

function sqlStore(database, { pgPort, password, maxConns }) {
  return {
    sql: {
      pluginName: 'postgres12',
      databaseName: database,
      connectAddr: `127.0.0.1:${pgPort}`,
      connectProtocol: 'tcp',
      user: DB_ROLE,
      password,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  };
}

export function serverConfig({ port, pgPort, metricsPort, password, dynamicConfigFile }) {
  const services = Object.fromEntries(
    Object.entries(servicePorts(port)).map(([name, ports]) => [
      name,
      { rpc: { ...ports, bindOnLocalHost: true } },
    ]),
  );
  return {
    log: { stdout: true, level: 'warn' },
    persistence: {
      defaultStore: 'default',
      visibilityStore: 'visibility',
      numHistoryShards: HISTORY_SHARDS,
      datastores: {
        default: sqlStore(DATABASES.default, { pgPort, password, maxConns: 20 }),
        visibility: sqlStore(DATABASES.visibility, { pgPort, password, maxConns: 10 }),
      },
    },
    global: {
      membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' },
      metrics: {
        prometheus: {
          framework: 'tally',
          timerType: 'histogram',
          listenAddress: `127.0.0.1:${metricsPort}`,
        },
      },
    },
    services,
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: {
        active: {
          enabled: true,
          initialFailoverVersion: 1,
          rpcName: 'frontend',
          rpcAddress: `127.0.0.1:${port}`,
        },
      },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    dynamicConfigClient: { filepath: dynamicConfigFile, pollInterval: '10s' },
  };
}

/** The same dynamic configuration as docker-compose.yml's server. */
const DYNAMIC_CONFIG_FILE = fileURLToPath(
  new URL('../tooling/temporal/dynamic-config.yaml', import.meta.url),
);

/** Writes the server's configuration into `<dataDir>/config` and returns the server's arguments. */
export function writeServerConfig({ dataDir, ...settings }) {
  const configDir = join(dataDir, CONFIG_DIR);
  mkdirSync(configDir, { recursive: true });
  // It holds the database password: for this user only.
  writeFileSync(
    join(configDir, `${CONFIG_ENV}.yaml`),
    `# Written by scripts/temporal-cluster.mjs on every start: edit the script, not this file.\n` +
      stringify(serverConfig({ ...settings, dynamicConfigFile: DYNAMIC_CONFIG_FILE })),
    { mode: 0o600 },
  );
  return [
    '--root',
    dataDir,
    '--config',
    CONFIG_DIR,
    '--env',
    CONFIG_ENV,
    '--allow-no-auth',
    'start',
  ];
}
