import { loadClientConnectConfig, type ClientConnectConfig } from '@temporalio/envconfig';

/** Where and how a client connects, with the address and namespace always filled in. */
export interface TemporalConnectConfig {
  connectionOptions: ClientConnectConfig['connectionOptions'] & { address: string };
  namespace: string;
}

/**
 * Connection settings in Temporal's own convention: TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE,
 * TEMPORAL_API_KEY, TEMPORAL_TLS_* or a temporal.toml profile; the local dev server otherwise.
 * `env` is the process's environment unless a caller (a test) gives its own.
 */
export function temporalConnectConfig(
  env: Record<string, string | undefined> = process.env,
): TemporalConnectConfig {
  const { connectionOptions, namespace } = loadClientConnectConfig({
    overrideEnvVars: Object.fromEntries(
      Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ),
  });
  return {
    connectionOptions: {
      ...connectionOptions,
      address: connectionOptions.address ?? 'localhost:7233',
    },
    namespace: namespace ?? 'default',
  };
}
