import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  NoopSpanProcessor,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

type Env = Record<string, string | undefined>;

export interface Tracing {
  /** Whether finished spans go anywhere. */
  enabled: boolean;
  /** What the spans say of the process (its service name, the SDK). */
  resource: Resource;
  /** Where finished spans go; the worker hands it the spans its workflows make in the sandbox. */
  spanProcessor: SpanProcessor;
  /** Sends the spans still buffered; call it before the process exits. */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  serviceName: string;
  /** Takes each span as it ends (tests pass an in-memory one); otherwise OTLP when configured. */
  exporter?: SpanExporter;
  env?: Env;
}

const otlpConfigured = (env: Env): boolean =>
  Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);

/**
 * The process's tracer provider, registered globally (with the W3C trace context propagator and
 * async context, so a span started in a request is the parent of what the request calls). Spans
 * go to an OTLP/HTTP collector when OTEL_EXPORTER_OTLP_ENDPOINT is set (the exporter reads the
 * rest of OpenTelemetry's OTEL_EXPORTER_OTLP_* settings itself). Without one, no provider is
 * registered: every span is OpenTelemetry's no-op, and nothing is recorded or propagated.
 */
export function startTracing({
  serviceName,
  exporter,
  env = process.env,
}: TracingOptions): Tracing {
  const resource = Resource.default().merge(new Resource({ [ATTR_SERVICE_NAME]: serviceName }));
  const spanProcessor = exporter
    ? new SimpleSpanProcessor(exporter)
    : otlpConfigured(env)
      ? new BatchSpanProcessor(new OTLPTraceExporter())
      : null;
  if (!spanProcessor) {
    return {
      enabled: false,
      resource,
      spanProcessor: new NoopSpanProcessor(),
      shutdown: async () => undefined,
    };
  }
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  return { enabled: true, resource, spanProcessor, shutdown: () => provider.shutdown() };
}
