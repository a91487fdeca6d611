import { Runtime } from '@temporalio/worker';
import type { Logger } from '@delivery/observability';
import { sdkLogger } from './runtime-logger';

/**
 * The SDK's runtime for this process: every log line through `log` (Core's warnings included),
 * and its metrics served for Prometheus at `metricsAddress` when one is given. Must run before
 * the first connection, which would install a default runtime.
 */
export function installRuntime({
  log,
  metricsAddress,
}: {
  log: Logger;
  metricsAddress: string | null;
}): void {
  Runtime.install({
    logger: sdkLogger(log),
    telemetryOptions: {
      logging: { forward: {}, filter: { core: 'WARN', other: 'ERROR' } },
      ...(metricsAddress ? { metrics: { prometheus: { bindAddress: metricsAddress } } } : {}),
    },
  });
}
