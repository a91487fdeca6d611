import { isIP } from 'node:net';

type Env = Record<string, string | undefined>;

/**
 * Where the worker serves the SDK's Prometheus metrics (WORKER_METRICS_ADDRESS, `/metrics`), or
 * `null` for nowhere. The SDK binds an IP address and a port, not a host name.
 */
export function metricsAddress(env: Env): string | null {
  const address = env.WORKER_METRICS_ADDRESS?.trim();
  if (!address) return null;
  const [, host = '', port = ''] = /^\[?(.*?)\]?:(\d+)$/.exec(address) ?? [];
  if (!isIP(host) || Number(port) < 1 || Number(port) > 65_535) {
    throw new Error(
      `WORKER_METRICS_ADDRESS must be an IP address and a port, like 0.0.0.0:9464 or ` +
        `127.0.0.1:9464; got "${address}".`,
    );
  }
  return address;
}
