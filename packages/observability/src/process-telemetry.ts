import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { createLogger, type Logger } from './logger';
import { serviceName } from './service-name';
import { startTracing, type Tracing } from './tracing';

export interface ProcessTelemetry {
  service: string;
  log: Logger;
  tracing: Tracing;
}

const started = Symbol.for('@delivery/observability/process');
const unnamed = Symbol.for('@delivery/observability/unnamed-logger');
type Holder = { [started]?: ProcessTelemetry; [unnamed]?: Logger };

/**
 * Starts the process's tracing and names its logger, once: kept on globalThis, because Next runs
 * a site's instrumentation hook and its routes from separate bundles in one process.
 */
export function startProcessTelemetry(
  ownName: string,
  options: { exporter?: SpanExporter } = {},
): ProcessTelemetry {
  const holder = globalThis as Holder;
  if (!holder[started]) {
    const service = serviceName(ownName);
    holder[started] = {
      service,
      log: createLogger(service),
      tracing: startTracing({ serviceName: service, exporter: options.exporter }),
    };
  }
  return holder[started];
}

/** The logger of the process's started telemetry; named by OTEL_SERVICE_NAME in one not started. */
export function processLogger(): Logger {
  const holder = globalThis as Holder;
  return holder[started]?.log ?? (holder[unnamed] ??= createLogger(serviceName('delivery')));
}
