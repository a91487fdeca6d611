import { loadClientConnectConfig, type ClientConnectConfig } from '@temporalio/envconfig';

/**
 * Connection settings in Temporal's own convention: TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE,
 * TEMPORAL_API_KEY, TEMPORAL_TLS_* or a temporal.toml profile; the local dev server otherwise.
 */
export function temporalConnectConfig(): Required<ClientConnectConfig> {
  const { connectionOptions, namespace } = loadClientConnectConfig();
  return {
    connectionOptions: {
      ...connectionOptions,
      address: connectionOptions.address ?? 'localhost:7233',
    },
    namespace: namespace ?? 'default',
  };
}
