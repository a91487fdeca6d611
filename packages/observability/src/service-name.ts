type Env = Record<string, string | undefined>;

/**
 * A process's name in its traces and log lines: OTEL_SERVICE_NAME when set (OpenTelemetry's own
 * setting, so a deployment can tell replicas or environments apart), else the process's own.
 */
export const serviceName = (ownName: string, env: Env = process.env): string =>
  env.OTEL_SERVICE_NAME?.trim() || ownName;
